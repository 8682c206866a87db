using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Commands.UpdateBeneficiary;

/// <summary>Replaces a beneficiary's data; <paramref name="Version"/> is the version the caller read.</summary>
[Audited(AuditActions.Update, "Beneficiary")]
[RequiresRole(Roles.SocialWorker)]
public sealed record UpdateBeneficiaryCommand(Guid Id, int? Version, BeneficiaryInput Beneficiary) : ICommand<BeneficiaryDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}

internal sealed class UpdateBeneficiaryHandler(IApplicationDbContext db, IPlatformPseudonyms pseudonyms, ICurrentUser user)
    : ICommandHandler<UpdateBeneficiaryCommand, BeneficiaryDto>
{
    public async ValueTask<BeneficiaryDto> Handle(UpdateBeneficiaryCommand command, CancellationToken cancellationToken)
    {
        var beneficiary = (await db.Beneficiaries.SingleOrDefaultAsync(b => b.Id == command.Id, cancellationToken))
            .OwnedBy(user, command.Id);
        db.ExpectVersion(beneficiary, command.Version!.Value);
        beneficiary.Update(command.Beneficiary.ToDetails(), command.Beneficiary.ToProfile());
        // Details that give no pseudonym (a referral's placeholder, still without id or date of birth) keep the one the record has.
        beneficiary.SealPlatformPseudonym(pseudonyms.Seal(beneficiary.Details) ?? beneficiary.SealedPlatformPseudonym);
        return BeneficiaryDto.From(beneficiary);
    }
}
