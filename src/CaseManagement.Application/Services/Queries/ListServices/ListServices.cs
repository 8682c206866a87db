using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Queries.ListServices;

[Audited(AuditActions.List, "Case.Service")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record ListServicesQuery(Guid CaseId) : IQuery<IReadOnlyList<ServiceEpisodeDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ListServicesHandler(IApplicationDbContext db) : IQueryHandler<ListServicesQuery, IReadOnlyList<ServiceEpisodeDto>>
{
    public async ValueTask<IReadOnlyList<ServiceEpisodeDto>> Handle(ListServicesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == query.CaseId, cancellationToken))
        {
            throw new NotFoundException(nameof(Case), query.CaseId);
        }

        var episodes = await db.ServiceEpisodes.AsNoTracking().Where(e => e.CaseId == query.CaseId)
            .OrderBy(e => e.StartDate).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return [.. episodes.Select(ServiceEpisodeDto.From)];
    }
}
