using CaseManagement.Application.Administration;
using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Commands.AcceptReferral;

/// <summary>
/// The receiver takes the person on and opens its own case. With <see cref="BeneficiaryId"/> it
/// links the case to someone already on its file; otherwise acceptance registers a new record that
/// holds the summary only (a neutral label for a name), since the shared fields stay in the
/// referral's sealed copy, which dies with the consent. The answer lists people on file who may
/// be the same person, so the coordinator can link them afterwards.
/// </summary>
[Audited(AuditActions.Accept, "Referral")]
[RequiresRole(Roles.Coordinator)]
public sealed record AcceptReferralCommand(Guid ReferralId, DateOnly OpenedOn, Guid? BeneficiaryId, Guid? AssignedWorkerId) : ICommand<ReceivedReferralDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ReferralId;
}

internal sealed class AcceptReferralHandler(
    IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IIdentityAdministration identity, ReferralEvents events, IReferralSeal seal, IBlindIndexSearch index,
    IPlatformPseudonyms pseudonyms)
    : ICommandHandler<AcceptReferralCommand, ReceivedReferralDto>
{
    public async ValueTask<ReceivedReferralDto> Handle(AcceptReferralCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var referral = await db.ReceivedAsync(organisation, command.ReferralId, cancellationToken);
        var now = clock.GetUtcNow();
        if (referral.Status == Domain.Referrals.ReferralStatus.Pending && now >= referral.ExpiresAt)
        {
            throw new ConflictException("referral.expired", "The referral's answer period has run out.");
        }

        if (command.AssignedWorkerId is { } worker)
        {
            await identity.CaseWorkerAsync(user, worker, cancellationToken);
        }

        var beneficiaryId = command.BeneficiaryId ?? Guid.CreateVersion7();
        if (command.BeneficiaryId is { } existing)
        {
            if (!await db.Beneficiaries.AnyAsync(b => b.Id == existing, cancellationToken))
            {
                throw new NotFoundException(nameof(Beneficiary), existing);
            }
        }
        else
        {
            var placeholder = new Beneficiary(beneficiaryId, organisation, Placeholder(referral.Id),
                new BeneficiaryProfile(referral.Sex, referral.AgeBand, referral.AgeBand.IsMinor(), ExploitationTypes.None, null, command.OpenedOn.Year, ReferralSourceKind.Ngo),
                now);
            placeholder.SealPlatformPseudonym(pseudonyms.Reseal(referral.SealedPlatformPseudonym));
            db.Beneficiaries.Add(placeholder);
        }

        var opened = new Case(Guid.CreateVersion7(), organisation, beneficiaryId, command.OpenedOn, command.AssignedWorkerId);
        db.Cases.Add(opened);
        referral.Accept(now, beneficiaryId, command.BeneficiaryId is null, opened.Id);
        await events.TellSenderAsync(referral, NotificationKind.ReferralAccepted, AuditActions.Accept, cancellationToken);
        return await db.LoadAsync(seal, index, referral, cancellationToken);
    }

    /// <summary>A label, not a name: the person's name, if shared, is read from the referral while consent holds.</summary>
    private static PersonalDetails Placeholder(Guid referralId) =>
        new($"Referral {referralId.ToString("N")[^8..].ToUpperInvariant()}", [], null, null, null, null, null, null);
}
