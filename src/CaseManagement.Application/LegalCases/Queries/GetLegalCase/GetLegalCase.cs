using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.LegalCases.Queries.GetLegalCase;

[Audited(AuditActions.Read, "LegalCase")]
[RequiresRole(Roles.Lawyer)]
public sealed record GetLegalCaseQuery(Guid Id) : IQuery<LegalCaseDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}

internal sealed class GetLegalCaseHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetLegalCaseQuery, LegalCaseDto>
{
    public async ValueTask<LegalCaseDto> Handle(GetLegalCaseQuery query, CancellationToken cancellationToken)
    {
        var found = (await db.LegalCases.AsNoTracking().Include(l => l.StageChanges).SingleOrDefaultAsync(l => l.Id == query.Id, cancellationToken))
            .OwnedBy(user, query.Id);
        return await db.DtoAsync(found, clock, cancellationToken);
    }
}
