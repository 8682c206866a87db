using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Queries.GetCounselling;

[Audited(AuditActions.Read, "Case.Service.Counselling")]
[RequiresRole(Roles.SocialWorker)]
public sealed record GetCounsellingQuery(Guid CaseId, Guid EpisodeId) : IQuery<CounsellingDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class GetCounsellingHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetCounsellingQuery, CounsellingDto>
{
    public async ValueTask<CounsellingDto> Handle(GetCounsellingQuery query, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeAsync(user, query.CaseId, query.EpisodeId, ServiceType.Counselling, cancellationToken);
        var details = await db.CounsellingDetails.AsNoTracking().SingleOrDefaultAsync(d => d.EpisodeId == episode.Id, cancellationToken);
        return new CounsellingDto(episode.Id, details?.Kind);
    }
}
