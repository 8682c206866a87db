using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Queries.GetBeneficiary;

[Audited(AuditActions.Read, "Beneficiary")]
[RequiresRole(Roles.SocialWorker)]
public sealed record GetBeneficiaryQuery(Guid Id) : IQuery<BeneficiaryDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}

internal sealed class GetBeneficiaryHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetBeneficiaryQuery, BeneficiaryDto>
{
    public async ValueTask<BeneficiaryDto> Handle(GetBeneficiaryQuery query, CancellationToken cancellationToken)
    {
        var beneficiary = (await db.Beneficiaries.AsNoTracking().SingleOrDefaultAsync(b => b.Id == query.Id, cancellationToken))
            .OwnedBy(user, query.Id);
        return BeneficiaryDto.From(beneficiary);
    }
}
