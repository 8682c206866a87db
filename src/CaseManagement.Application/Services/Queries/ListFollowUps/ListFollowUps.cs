using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Queries.ListFollowUps;

/// <summary>A reintegration episode's follow-ups, by due date.</summary>
[Audited(AuditActions.List, "Case.Service.FollowUp")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ListFollowUpsQuery(Guid CaseId, Guid EpisodeId) : IQuery<IReadOnlyList<FollowUpDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ListFollowUpsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListFollowUpsQuery, IReadOnlyList<FollowUpDto>>
{
    public async ValueTask<IReadOnlyList<FollowUpDto>> Handle(ListFollowUpsQuery query, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeAsync(user, query.CaseId, query.EpisodeId, ServiceType.Reintegration, cancellationToken);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.EpisodeId == episode.Id).OrderBy(f => f.DueOn).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        return [.. followUps.Select(FollowUpDto.From)];
    }
}
