using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Referrals;

/// <summary>
/// The workflow of one referral between two member organisations. It is the one record both sides
/// read, so it holds no personal data: ids, dates, the status and the non-identifying summary
/// (sex, age band, needs, urgency). What the sender wrote stays in its <see cref="SentReferral"/>;
/// what the receiver may read is sealed in its <see cref="ReferralShare"/>.
/// </summary>
public sealed class Referral : IVersioned
{
    private readonly List<ReferralUpdate> _updates = [];

    private Referral()
    {
    }

    public Referral(Guid id, Guid senderOrganisationId, Guid recipientOrganisationId, Guid senderCaseId, Guid consentId, ReferralSummary summary, ReferralData shared, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (id == Guid.Empty || senderOrganisationId == Guid.Empty || recipientOrganisationId == Guid.Empty || senderCaseId == Guid.Empty || consentId == Guid.Empty)
        {
            throw DomainException.Argument("referral.ids", "A referral needs an id, two organisations, a case and a consent.");
        }

        if (senderOrganisationId == recipientOrganisationId)
        {
            throw DomainException.Argument("referral.self", "An organisation cannot refer a beneficiary to itself.");
        }

        if (summary.ServicesMask == 0)
        {
            throw DomainException.Argument("referral.services", "A referral names at least one service.");
        }

        if (expiresAt <= createdAt)
        {
            throw DomainException.Argument("referral.expiry", "A referral expires after it is made.");
        }

        Id = id;
        SenderOrganisationId = senderOrganisationId;
        RecipientOrganisationId = recipientOrganisationId;
        SenderCaseId = senderCaseId;
        ConsentId = consentId;
        ServicesMask = summary.ServicesMask;
        Urgency = summary.Urgency;
        Sex = summary.Sex;
        AgeBand = summary.AgeBand;
        Shared = shared | ReferralDataExtensions.Minimum;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        Status = ReferralStatus.Pending;
    }

    public Guid Id { get; private set; }

    public void CarryPlatformPseudonym(byte[]? sealedPseudonym) => SealedPlatformPseudonym = sealedPseudonym;

    public int Version { get; private set; }

    public Guid SenderOrganisationId { get; private set; }

    public Guid RecipientOrganisationId { get; private set; }

    /// <summary>The sender's case; never shown to the receiver.</summary>
    public Guid SenderCaseId { get; private set; }

    /// <summary>The sender's consent (its series id); never shown to the receiver.</summary>
    public Guid ConsentId { get; private set; }

    /// <summary>The services needed, as a <see cref="ServiceTypeSet"/> mask.</summary>
    public int ServicesMask { get; private set; }

    public IReadOnlyList<ServiceType> Services => ServiceTypeSet.FromMask(ServicesMask);

    public ReferralUrgency Urgency { get; private set; }

    public Sex Sex { get; private set; }

    public AgeBand AgeBand { get; private set; }

    /// <summary>Which data items the sender chose to share (the minimum always).</summary>
    public ReferralData Shared { get; private set; }

    public ReferralStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A pending referral not answered by then expires.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When it was accepted, declined, withdrawn or expired.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DeclineReason? DeclineReason { get; private set; }

    /// <summary>True when the sender withdrew it because the beneficiary withdrew consent.</summary>
    public bool ConsentWithdrawn { get; private set; }

    /// <summary>The receiver's beneficiary and case, once accepted; never shown to the sender.</summary>
    public Guid? RecipientBeneficiaryId { get; private set; }

    /// <summary>
    /// The platform pseudonym of what the consent shares (national id, or full name and date of
    /// birth), sealed, for the record the receiver creates on acceptance: so the platform's
    /// deduplicated figure counts the person once. Nobody reads it; it is gone once the referral is answered.
    /// </summary>
    public byte[]? SealedPlatformPseudonym { get; private set; }

    public Guid? RecipientCaseId { get; private set; }

    /// <summary>True while the receiver's beneficiary is the one acceptance created (not yet linked to a person on file).</summary>
    public bool RecipientBeneficiaryCreated { get; private set; }

    public IReadOnlyCollection<ReferralUpdate> Updates => _updates;

    public void Accept(DateTimeOffset at, Guid beneficiaryId, bool beneficiaryCreated, Guid caseId)
    {
        Move(ReferralStatus.Pending, ReferralStatus.Accepted);
        AnsweredAt = at;
        RecipientBeneficiaryId = beneficiaryId;
        RecipientBeneficiaryCreated = beneficiaryCreated;
        RecipientCaseId = caseId;
    }

    public void Decline(DateTimeOffset at, DeclineReason reason)
    {
        Move(ReferralStatus.Pending, ReferralStatus.Declined);
        AnsweredAt = at;
        DeclineReason = reason;
    }

    public void Withdraw(DateTimeOffset at)
    {
        Move(ReferralStatus.Pending, ReferralStatus.Withdrawn);
        AnsweredAt = at;
    }

    public void Expire(DateTimeOffset at)
    {
        if (at < ExpiresAt)
        {
            throw DomainException.State("referral.not-due", "The referral's answer period has not run out.");
        }

        Move(ReferralStatus.Pending, ReferralStatus.Expired);
        AnsweredAt = at;
    }

    public void Complete(DateTimeOffset at)
    {
        Move(ReferralStatus.Accepted, ReferralStatus.Completed);
        CompletedAt = at;
    }

    /// <summary>The consent it relied on is gone: a pending referral is withdrawn, any other keeps its status.</summary>
    public void LoseConsent(DateTimeOffset at)
    {
        ConsentWithdrawn = true;
        if (Status == ReferralStatus.Pending)
        {
            Withdraw(at);
        }
        else
        {
            Version++;
        }
    }

    /// <summary>The receiver found the person already on file and moved its case to them.</summary>
    public void LinkRecipientBeneficiary(Guid beneficiaryId)
    {
        if (Status is not (ReferralStatus.Accepted or ReferralStatus.Completed) || !RecipientBeneficiaryCreated)
        {
            throw DomainException.State("referral.link", "Only the beneficiary an acceptance created can be linked to a person on file, once.");
        }

        RecipientBeneficiaryId = beneficiaryId;
        RecipientBeneficiaryCreated = false;
        Version++;
    }

    public ReferralUpdate PostUpdate(Guid id, ReferralUpdateKind kind, ServiceType? service, DateOnly on, DateTimeOffset at)
    {
        if (Status is not (ReferralStatus.Accepted or ReferralStatus.Completed))
        {
            throw DomainException.State("referral.not-accepted", "Updates follow an accepted referral only.");
        }

        if (ConsentWithdrawn)
        {
            throw DomainException.State("referral.consent-withdrawn", "The person withdrew consent: nothing more goes back to the sender.");
        }

        if ((kind is ReferralUpdateKind.ServiceStarted or ReferralUpdateKind.ServiceEnded) != service.HasValue)
        {
            throw DomainException.Argument("referral.update-service", "A service started or ended names its service; a departure names none.");
        }

        if (on < DateOnly.FromDateTime(AnsweredAt!.Value.UtcDateTime))
        {
            throw DomainException.Argument("referral.update-date", "An update cannot predate the acceptance.");
        }

        var update = new ReferralUpdate(id, Id, kind, service, on, at);
        _updates.Add(update);
        Version++;
        return update;
    }

    private void Move(ReferralStatus from, ReferralStatus to)
    {
        if (Status != from)
        {
            throw DomainException.State("referral.status", $"Only a referral that is {from} can become {to}.");
        }

        Status = to;
        Version++;
        SealedPlatformPseudonym = null; // answered: the placeholder has it, or nobody needs it
    }
}
