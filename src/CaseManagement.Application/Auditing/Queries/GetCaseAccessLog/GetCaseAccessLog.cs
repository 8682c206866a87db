using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Auditing.Queries.GetCaseAccessLog;

/// <summary>Who read or changed a case, its services and its notes: for the organisation's admin and the assigned worker.</summary>
[Audited(AuditActions.Read, "Case.AccessLog")]
[RequiresRole(Roles.OrganisationAdmin, Roles.SocialWorker)]
public sealed record GetCaseAccessLogQuery(Guid CaseId) : IQuery<IReadOnlyList<AccessLogEntry>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

public sealed record AccessLogEntry(long Sequence, DateTimeOffset OccurredAt, Guid? UserId, string Action, string EntityType, string Outcome);

internal sealed class GetCaseAccessLogHandler(IApplicationDbContext db, ICurrentUser user)
    : IQueryHandler<GetCaseAccessLogQuery, IReadOnlyList<AccessLogEntry>>
{
    public async ValueTask<IReadOnlyList<AccessLogEntry>> Handle(GetCaseAccessLogQuery query, CancellationToken cancellationToken)
    {
        var found = (await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken)).OwnedBy(user, query.CaseId);
        if (!user.IsInRole(Roles.OrganisationAdmin) && found.AssignedWorkerId != user.UserId)
        {
            throw new ForbiddenException("Only the organisation's administrators and the assigned worker see who accessed a case.");
        }

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == query.CaseId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(e => new AccessLogEntry(e.Sequence, e.OccurredAt, e.UserId, e.Action, e.EntityType, e.Outcome))];
    }
}
