using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Queries.ListLabourSteps;

/// <summary>A reintegration episode's courses, qualifications and job placements, by date.</summary>
[Audited(AuditActions.List, "Case.Service.LabourStep")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ListLabourStepsQuery(Guid CaseId, Guid EpisodeId) : IQuery<IReadOnlyList<LabourStepDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ListLabourStepsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListLabourStepsQuery, IReadOnlyList<LabourStepDto>>
{
    public async ValueTask<IReadOnlyList<LabourStepDto>> Handle(ListLabourStepsQuery query, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeAsync(user, query.CaseId, query.EpisodeId, ServiceType.Reintegration, cancellationToken);
        var steps = await db.LabourSteps.AsNoTracking().Where(s => s.EpisodeId == episode.Id).OrderBy(s => s.Date).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return [.. steps.Select(LabourStepDto.From)];
    }
}
