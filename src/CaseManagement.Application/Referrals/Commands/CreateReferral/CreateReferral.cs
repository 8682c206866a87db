using System.Text.Json;
using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Organisations;
using CaseManagement.Domain.Referrals;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Referrals.Commands.CreateReferral;

/// <summary>
/// Refers the beneficiary of one of the caller's cases to another member organisation. The consent
/// named must be the beneficiary's, current, and cover the receiver, every service asked for and
/// every data item shared. The chosen items are copied at once and sealed for the receiver, who
/// reads them only after accepting. The same idempotency key from the same person returns the
/// referral it made; with another body, it is refused (422).
/// </summary>
[Audited(AuditActions.Refer, "Referral")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record CreateReferralCommand(
    string IdempotencyKey,
    Guid CaseId,
    Guid RecipientOrganisationId,
    Guid ConsentId,
    IReadOnlyList<ServiceType> Services,
    ReferralUrgency Urgency,
    string Reason,
    IReadOnlyList<ReferralData> Shared) : ICommand<SentReferralDto>;

internal sealed class CreateReferralHandler(
    IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IReferralSeal seal, IRequestFingerprints fingerprints, ReferralEvents events, IOptions<ReferralOptions> options,
    IPlatformPseudonyms pseudonyms)
    : ICommandHandler<CreateReferralCommand, SentReferralDto>
{
    public async ValueTask<SentReferralDto> Handle(CreateReferralCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var author = user.RequireUserId();
        var digest = fingerprints.Of(Canonical(command));
        var key = fingerprints.Of(command.IdempotencyKey);
        var earlier = await db.SentReferrals.SingleOrDefaultAsync(s => s.CreatedBy == author && s.IdempotencyKey == key, cancellationToken);
        if (earlier is not null)
        {
            return earlier.RequestDigest == digest
                ? SentReferralDto.From(await db.SentAsync(organisation, earlier.Id, cancellationToken), earlier)
                : throw new UnprocessableException("referral.idempotency-key-reused", "This idempotency key was used for another request.");
        }

        var found = (await db.Cases.SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken)).OwnedBy(user, command.CaseId);
        found.EnsureOpen();
        if (command.RecipientOrganisationId == organisation)
        {
            throw Domain.Common.DomainException.Argument("referral.self", "An organisation cannot refer a beneficiary to itself.");
        }

        var recipient = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.RecipientOrganisationId, cancellationToken)
            ?? throw new NotFoundException(nameof(Organisation), command.RecipientOrganisationId);
        if (recipient.IsDisabled)
        {
            throw new ConflictException("referral.recipient-disabled", "The organisation is disabled and takes no referrals.");
        }

        var shared = command.Shared.Combine() | ReferralDataExtensions.Minimum;
        var services = ServiceTypeSet.ToMask(command.Services);
        var today = CaseDates.Today(clock);
        var consent = await db.Consents.SingleOrDefaultAsync(c => c.ConsentId == command.ConsentId && c.IsCurrent, cancellationToken);
        if (consent is null || consent.BeneficiaryId != found.BeneficiaryId || !consent.CoversReferral(recipient.Id, services, shared, today))
        {
            throw new ConflictException("referral.consent", "No current consent of this beneficiary covers this organisation, these services and these data items.");
        }

        // The consent's row moves with the referral: a withdrawal or change committed meanwhile makes one of the two fail.
        consent.NoteReferral();

        var beneficiary = await db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Id == found.BeneficiaryId, cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var referral = new Referral(id, organisation, recipient.Id, found.Id, command.ConsentId,
            new ReferralSummary(services, command.Urgency, beneficiary.Sex, beneficiary.AgeBandAtIdentification), shared, now, now.AddDays(options.Value.AnswerWithinDays));
        // The pseudonym of what the consent shares only: made from anything more, it would let the
        // receiver's records be matched on identity data it was not given.
        var details = beneficiary.Details;
        referral.CarryPlatformPseudonym(pseudonyms.Seal(new PersonalDetails(
            shared.HasFlag(ReferralData.FullName) ? details.FullName : string.Empty, [],
            shared.HasFlag(ReferralData.NationalId) ? details.NationalId : null,
            shared.HasFlag(ReferralData.DateOfBirth) ? details.DateOfBirth : null,
            null, null, null, null)));
        var sent = new SentReferral(id, organisation, author, key, digest, command.Reason.Trim());
        db.Referrals.Add(referral);
        db.SentReferrals.Add(sent);
        db.ReferralShares.Add(seal.Seal(id, recipient.Id, Copy(beneficiary, shared, sent.Reason)));
        await events.TellRecipientAsync(referral, NotificationKind.ReferralReceived, AuditActions.Refer, "Referral", cancellationToken);
        return SentReferralDto.From(referral, sent);
    }

    /// <summary>The chosen items only; the minimum is the first alias, or else the first given name.</summary>
    private static SharedRecord Copy(Beneficiary b, ReferralData shared, string reason) => new(
        b.Aliases.FirstOrDefault() ?? b.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0],
        shared.HasFlag(ReferralData.FullName) ? b.FullName : null,
        shared.HasFlag(ReferralData.NationalId) ? b.NationalId : null,
        shared.HasFlag(ReferralData.DateOfBirth) ? b.DateOfBirth : null,
        shared.HasFlag(ReferralData.Contact) ? b.Phone : null,
        shared.HasFlag(ReferralData.Contact) ? b.Address : null,
        shared.HasFlag(ReferralData.Citizenship) ? b.Citizenship : null,
        shared.HasFlag(ReferralData.Notes) ? b.Notes : null,
        reason);

    /// <summary>What makes two requests "the same": every field but the key, as sets where order means nothing.</summary>
    private static string Canonical(CreateReferralCommand c) =>
        JsonSerializer.Serialize(new object[]
        {
            c.CaseId, c.RecipientOrganisationId, c.ConsentId, ServiceTypeSet.ToMask(c.Services), c.Urgency.ToString(),
            c.Reason.Trim(), (int)(c.Shared.Combine() | ReferralDataExtensions.Minimum),
        });
}
