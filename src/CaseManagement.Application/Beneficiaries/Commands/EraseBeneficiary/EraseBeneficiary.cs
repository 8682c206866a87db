using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Beneficiaries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Commands.EraseBeneficiary;

/// <summary>
/// GDPR art. 17: an organisation administrator erases one person's data now, on the ground the
/// audit entry names (<c>Beneficiary.ConsentWithdrawn</c>, …), with the retention job's effect.
/// Refused (409) under a legal hold, with an open legal case or an open case, and for a record already erased.
/// </summary>
[Audited(AuditActions.Erase, "Beneficiary")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record EraseBeneficiaryCommand(Guid BeneficiaryId, ErasureBasis Basis) : ICommand<RetentionStatusDto>, IAuditedEntity, IAuditedEntityType
{
    Guid IAuditedEntity.AuditedEntityId => BeneficiaryId;

    string IAuditedEntityType.AuditedEntityType => Enum.IsDefined(Basis) ? $"Beneficiary.{Basis}" : "Beneficiary";
}

internal sealed class EraseBeneficiaryHandler(IApplicationDbContext db, ICurrentUser user, BeneficiaryErasure erasure)
    : ICommandHandler<EraseBeneficiaryCommand, RetentionStatusDto>
{
    public async ValueTask<RetentionStatusDto> Handle(EraseBeneficiaryCommand command, CancellationToken cancellationToken)
    {
        var beneficiary = (await db.Beneficiaries.SingleOrDefaultAsync(b => b.Id == command.BeneficiaryId, cancellationToken))
            .OwnedBy(user, command.BeneficiaryId);
        await erasure.EraseAsync(beneficiary, cancellationToken);
        return RetentionStatusDto.From(beneficiary);
    }
}
