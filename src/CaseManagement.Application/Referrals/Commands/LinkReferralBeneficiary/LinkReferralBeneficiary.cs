using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Beneficiaries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Commands.LinkReferralBeneficiary;

/// <summary>
/// The receiver found the referred person already on its file: the case acceptance opened moves to
/// that record, and the record acceptance created is removed, provided nothing was recorded on it
/// since (an edit, another case, a consent): then it is the receiver's own record, and stays.
/// </summary>
[Audited(AuditActions.Link, "Referral")]
[RequiresRole(Roles.Coordinator)]
public sealed record LinkReferralBeneficiaryCommand(Guid ReferralId, Guid BeneficiaryId) : ICommand<ReceivedReferralDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ReferralId;
}

internal sealed class LinkReferralBeneficiaryHandler(IApplicationDbContext db, ICurrentUser user, IReferralSeal seal, IBlindIndexSearch index)
    : ICommandHandler<LinkReferralBeneficiaryCommand, ReceivedReferralDto>
{
    public async ValueTask<ReceivedReferralDto> Handle(LinkReferralBeneficiaryCommand command, CancellationToken cancellationToken)
    {
        var referral = await db.ReceivedAsync(user.RequireOrganisationId(), command.ReferralId, cancellationToken);
        if (!await db.Beneficiaries.AnyAsync(b => b.Id == command.BeneficiaryId, cancellationToken))
        {
            throw new NotFoundException(nameof(Beneficiary), command.BeneficiaryId);
        }

        var created = referral.RecipientBeneficiaryId;
        if (created == command.BeneficiaryId)
        {
            throw new ConflictException("referral.link-same", "The case is already on this beneficiary.");
        }

        referral.LinkRecipientBeneficiary(command.BeneficiaryId);
        var opened = await db.Cases.SingleAsync(c => c.Id == referral.RecipientCaseId, cancellationToken);
        opened.MoveTo(command.BeneficiaryId);
        var placeholder = await db.Beneficiaries.SingleAsync(b => b.Id == created, cancellationToken);
        if (placeholder.Version == 0
            && !await db.Cases.AnyAsync(c => c.BeneficiaryId == created && c.Id != opened.Id, cancellationToken)
            && !await db.Consents.AnyAsync(c => c.BeneficiaryId == created, cancellationToken))
        {
            db.Beneficiaries.Remove(placeholder);
        }

        return await db.LoadAsync(seal, index, referral, cancellationToken);
    }
}
