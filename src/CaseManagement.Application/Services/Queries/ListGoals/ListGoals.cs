using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Queries.ListGoals;

/// <summary>A reintegration episode's plan goals, in the order they were set.</summary>
[Audited(AuditActions.List, "Case.Service.Goal")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ListGoalsQuery(Guid CaseId, Guid EpisodeId) : IQuery<IReadOnlyList<GoalDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ListGoalsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListGoalsQuery, IReadOnlyList<GoalDto>>
{
    public async ValueTask<IReadOnlyList<GoalDto>> Handle(ListGoalsQuery query, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeAsync(user, query.CaseId, query.EpisodeId, ServiceType.Reintegration, cancellationToken);
        var goals = await db.ReintegrationGoals.AsNoTracking().Where(g => g.EpisodeId == episode.Id).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        return [.. goals.Select(GoalDto.From)];
    }
}
