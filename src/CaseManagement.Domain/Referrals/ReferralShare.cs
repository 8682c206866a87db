using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Referrals;

/// <summary>
/// The receiver's copy of what was shared, sealed under a data key made for this referral alone.
/// That key is kept wrapped by the receiver's organisation key; destroying it (withdrawal, refusal,
/// expiry, or the consent's withdrawal) makes the copy unreadable everywhere at once.
/// </summary>
public sealed class ReferralShare : IOrganisationOwned
{
    private ReferralShare()
    {
        Payload = [];
    }

    public ReferralShare(Guid id, Guid organisationId, byte[] payload, byte[] wrappedKey, int wrappingKeyVersion)
    {
        Id = id;
        OrganisationId = organisationId;
        Payload = payload;
        WrappedKey = wrappedKey;
        WrappingKeyVersion = wrappingKeyVersion;
    }

    /// <summary>The referral's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The receiving organisation.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>The shared fields and the reason, sealed under the referral's key.</summary>
    public byte[] Payload { get; private set; }

    /// <summary>The referral's key, wrapped by the receiver's organisation key; null once destroyed.</summary>
    public byte[]? WrappedKey { get; private set; }

    /// <summary>Which version of the receiver's organisation key wrapped it.</summary>
    public int WrappingKeyVersion { get; private set; }

    public DateTimeOffset? KeyDestroyedAt { get; private set; }

    public bool IsReadable => WrappedKey is not null;

    /// <summary>Forgets the key: the payload stays, as ciphertext nobody can open.</summary>
    public void DestroyKey(DateTimeOffset at)
    {
        if (WrappedKey is null)
        {
            return;
        }

        WrappedKey = null;
        KeyDestroyedAt = at;
    }
}
