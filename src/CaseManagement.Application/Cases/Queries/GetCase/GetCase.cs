using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Queries.GetCase;

[Audited(AuditActions.Read, "Case")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record GetCaseQuery(Guid Id) : IQuery<CaseDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}

internal sealed class GetCaseHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetCaseQuery, CaseDto>
{
    public async ValueTask<CaseDto> Handle(GetCaseQuery query, CancellationToken cancellationToken)
    {
        var found = (await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken))
            .OwnedBy(user, query.Id);
        return CaseDto.For(found, user);
    }
}
