using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Queries.GetRepatriation;

[Audited(AuditActions.Read, "Case.Repatriation")]
[RequiresRole(Roles.SocialWorker)]
public sealed record GetRepatriationQuery(Guid CaseId, Guid EpisodeId) : IQuery<RepatriationDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class GetRepatriationHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetRepatriationQuery, RepatriationDto>
{
    public async ValueTask<RepatriationDto> Handle(GetRepatriationQuery query, CancellationToken cancellationToken)
    {
        await db.EpisodeAsync(user, query.CaseId, query.EpisodeId, ServiceType.Repatriation, cancellationToken);
        var repatriation = await db.Repatriations.AsNoTracking().Include(r => r.History).SingleOrDefaultAsync(r => r.EpisodeId == query.EpisodeId, cancellationToken)
            ?? throw new NotFoundException(nameof(Repatriation), query.EpisodeId);
        return RepatriationDto.From(repatriation);
    }
}
