using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Referrals;

/// <summary>
/// The sender's own part of a referral: who made it, the reason they wrote, and the request's
/// idempotency key with a digest of its body (sealed, so that nobody can test guesses against it).
/// The receiver never reads this row.
/// </summary>
public sealed class SentReferral : IOrganisationOwned
{
    /// <summary>The longest key a client may send; the stored hash is shorter.</summary>
    public const int MaxIdempotencyKeyLength = 100;

    private SentReferral()
    {
        IdempotencyKey = string.Empty;
        RequestDigest = string.Empty;
        Reason = string.Empty;
    }

    public SentReferral(Guid id, Guid organisationId, Guid createdBy, string idempotencyKey, string requestDigest, string reason)
    {
        Id = id;
        OrganisationId = organisationId;
        CreatedBy = createdBy;
        IdempotencyKey = idempotencyKey;
        RequestDigest = requestDigest;
        Reason = reason;
    }

    /// <summary>The referral's id.</summary>
    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>A keyed fingerprint (HMAC-SHA256, hex) of the client's key, unique per author: a retried POST finds the referral it made. The key itself is not kept.</summary>
    public string IdempotencyKey { get; private set; }

    [PersonalData]
    public string RequestDigest { get; private set; }

    [PersonalData(FreeText = true)]
    public string Reason { get; private set; }
}
