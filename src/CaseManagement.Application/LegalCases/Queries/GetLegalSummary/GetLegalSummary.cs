using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.LegalCases.Queries.GetLegalSummary;

/// <summary>
/// Where the case's criminal procedures stand, for its assigned social worker (and lawyers): stage,
/// procedural role, protective measures and the next hearing's date, nothing that names a court or file.
/// </summary>
[Audited(AuditActions.Read, "Case.LegalSummary")]
[RequiresRole(Roles.SocialWorker, Roles.Lawyer)]
public sealed record GetLegalSummaryQuery(Guid CaseId) : IQuery<IReadOnlyList<LegalSummaryDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class GetLegalSummaryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetLegalSummaryQuery, IReadOnlyList<LegalSummaryDto>>
{
    public async ValueTask<IReadOnlyList<LegalSummaryDto>> Handle(GetLegalSummaryQuery query, CancellationToken cancellationToken)
    {
        var found = (await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken)).OwnedBy(user, query.CaseId);
        if (!user.IsInRole(Roles.Lawyer) && found.AssignedWorkerId != user.RequireUserId())
        {
            throw new ForbiddenException("Only the case's assigned social worker and the organisation's lawyers see where its legal cases stand.");
        }

        var legalCases = await db.LegalCases.AsNoTracking().Where(l => l.CaseId == found.Id).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var next = await db.NextHearingsAsync([.. legalCases.Select(l => l.Id)], clock.GetUtcNow(), cancellationToken);
        return [.. legalCases.Select(l => new LegalSummaryDto(
            l.Id, l.Stage, l.ProceduralRole, l.ProtectiveMeasures, next.TryGetValue(l.Id, out var at) ? DateOnly.FromDateTime(at.UtcDateTime) : null))];
    }
}
