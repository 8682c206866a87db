using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Queries.GetRetentionStatus;

/// <summary>
/// Where one person's record stands before an administrator acts on a request: held, erased, or
/// neither. No personal field is read, so the administrator sees the record's state, not its content.
/// </summary>
[Audited(AuditActions.Read, "Beneficiary.Retention")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record GetRetentionStatusQuery(Guid BeneficiaryId) : IQuery<RetentionStatusDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => BeneficiaryId;
}

internal sealed class GetRetentionStatusHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetRetentionStatusQuery, RetentionStatusDto>
{
    public async ValueTask<RetentionStatusDto> Handle(GetRetentionStatusQuery query, CancellationToken cancellationToken)
    {
        var beneficiary = (await db.Beneficiaries.AsNoTracking().SingleOrDefaultAsync(b => b.Id == query.BeneficiaryId, cancellationToken))
            .OwnedBy(user, query.BeneficiaryId);
        return RetentionStatusDto.From(beneficiary);
    }
}
