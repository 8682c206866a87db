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
        // A referral's placeholder keeps the pseudonym the referral carried until its details give one of
        // their own; any other record's pseudonym follows its details, none included. The referrals are
        // asked only when the details give none.
        var own = pseudonyms.Seal(beneficiary.Details);
        var carried = own is null && beneficiary.SealedPlatformPseudonym is not null
            && await db.Referrals.AnyAsync(r => r.RecipientOrganisationId == beneficiary.OrganisationId && r.RecipientBeneficiaryId == beneficiary.Id && r.RecipientBeneficiaryCreated, cancellationToken);
        beneficiary.SealPlatformPseudonym(own ?? (carried ? beneficiary.SealedPlatformPseudonym : null));
        return BeneficiaryDto.From(beneficiary);
    }
}
