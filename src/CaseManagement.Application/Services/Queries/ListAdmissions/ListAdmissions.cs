using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Queries.ListAdmissions;

/// <summary>A residential episode's stays, oldest first; one is open at most.</summary>
[Audited(AuditActions.List, "Case.Admission")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ListAdmissionsQuery(Guid CaseId, Guid EpisodeId) : IQuery<IReadOnlyList<AdmissionDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ListAdmissionsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListAdmissionsQuery, IReadOnlyList<AdmissionDto>>
{
    public async ValueTask<IReadOnlyList<AdmissionDto>> Handle(ListAdmissionsQuery query, CancellationToken cancellationToken)
    {
        await db.EpisodeAsync(user, query.CaseId, query.EpisodeId, ServiceType.Residential, cancellationToken);
        var stays = await db.Admissions.AsNoTracking().Where(a => a.EpisodeId == query.EpisodeId)
            .OrderBy(a => a.AdmittedOn).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return [.. stays.Select(AdmissionDto.From)];
    }
}
