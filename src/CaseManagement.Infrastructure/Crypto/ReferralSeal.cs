using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// Seals a referral's shared record under a random 256-bit key of its own (AES-256-GCM, padded like
/// free text), and wraps that key with a subkey of the receiver's organisation key. Both boxes are
/// bound to the receiver and the referral as associated data. Destroying the wrapped key is
/// enough to make the copy unreadable: the plaintext key never reaches the database.
/// </summary>
public sealed class ReferralSeal(KeyRing keys) : IReferralSeal
{
    private const string WrapPurpose = "referral-key-wrap";

    public ReferralShare Seal(Guid referralId, Guid recipientOrganisationId, SharedRecord record)
    {
        var wrapping = keys.Active(recipientOrganisationId);
        var referralKey = RandomNumberGenerator.GetBytes(32);
        var wrapKey = wrapping.Derive(WrapPurpose);
        try
        {
            var payload = SealedBox.Seal(referralKey, FreeTextPadding.Pad(JsonSerializer.SerializeToUtf8Bytes(record)), Context("share", recipientOrganisationId, referralId));
            var wrapped = SealedBox.Seal(wrapKey, referralKey, Context($"key/{wrapping.Version}", recipientOrganisationId, referralId));
            return new ReferralShare(referralId, recipientOrganisationId, payload, wrapped, wrapping.Version);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(referralKey);
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    /// <summary>
    /// The share's key, unwrapped from the version that wrapped it and wrapped again under the
    /// receiver's newest key (for re-encryption after a rotation); null once the key is destroyed.
    /// </summary>
    public (byte[] WrappedKey, int Version)? Rewrap(ReferralShare share)
    {
        if (share.WrappedKey is null)
        {
            return null;
        }

        var newest = keys.Active(share.OrganisationId);
        var oldWrap = keys.Get(share.OrganisationId, share.WrappingKeyVersion).Derive(WrapPurpose);
        var newWrap = newest.Derive(WrapPurpose);
        byte[]? referralKey = null;
        try
        {
            referralKey = SealedBox.Open(oldWrap, share.WrappedKey, Context($"key/{share.WrappingKeyVersion}", share.OrganisationId, share.Id));
            return (SealedBox.Seal(newWrap, referralKey, Context($"key/{newest.Version}", share.OrganisationId, share.Id)), newest.Version);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(oldWrap);
            CryptographicOperations.ZeroMemory(newWrap);
            if (referralKey is not null)
            {
                CryptographicOperations.ZeroMemory(referralKey);
            }
        }
    }

    public SharedRecord? Open(ReferralShare share)
    {
        if (share.WrappedKey is null)
        {
            return null;
        }

        var wrapKey = keys.Get(share.OrganisationId, share.WrappingKeyVersion).Derive(WrapPurpose);
        byte[]? referralKey = null;
        try
        {
            referralKey = SealedBox.Open(wrapKey, share.WrappedKey, Context($"key/{share.WrappingKeyVersion}", share.OrganisationId, share.Id));
            var json = FreeTextPadding.Unpad(SealedBox.Open(referralKey, share.Payload, Context("share", share.OrganisationId, share.Id)));
            return JsonSerializer.Deserialize<SharedRecord>(json) ?? throw new CryptographicException("A referral's shared record is empty.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
            if (referralKey is not null)
            {
                CryptographicOperations.ZeroMemory(referralKey);
            }
        }
    }

    /// <summary>casemanagement/v1/referral/{part} | receiver | referral: a box moved to another row or organisation fails to open.</summary>
    private static byte[] Context(string part, Guid organisationId, Guid referralId)
    {
        var label = Encoding.UTF8.GetBytes("casemanagement/v1/referral/" + part);
        var context = new byte[label.Length + 32];
        label.CopyTo(context, 0);
        organisationId.TryWriteBytes(context.AsSpan(label.Length), bigEndian: true, out _);
        referralId.TryWriteBytes(context.AsSpan(label.Length + 16), bigEndian: true, out _);
        return context;
    }
}
