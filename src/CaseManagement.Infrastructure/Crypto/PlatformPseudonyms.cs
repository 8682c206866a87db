using System.Security.Cryptography;
using System.Text;
using CaseManagement.Application.Beneficiaries;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Beneficiaries;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// HMAC-SHA256 of the normalised national id (or of normalised name and date of birth) under a key
/// derived from the master key, sealed with AES-GCM under a second derived key and a fresh nonce.
/// A blind index would have done the comparing in SQL, but equal values in a column link rows across
/// organisations for anyone who reads the database; sealed, they link nothing without the key.
/// </summary>
internal sealed class PlatformPseudonyms(IMasterKeyProvider masterKey) : IPlatformPseudonyms
{
    private readonly Lazy<byte[]> _hashKey = new(() => masterKey.DeriveKey("platform-pseudonym"));
    private readonly Lazy<byte[]> _sealKey = new(() => masterKey.DeriveKey("platform-pseudonym-seal"));

    public byte[]? Seal(PersonalDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return Basis(details) is { } basis ? SealedBox.Seal(_sealKey.Value, HMACSHA256.HashData(_hashKey.Value, Encoding.UTF8.GetBytes(basis))) : null;
    }

    /// <summary>The pseudonym in a sealed value, as hex for comparing; null when it does not open (damaged, or sealed under another key).</summary>
    public string? TryOpen(byte[] sealedPseudonym)
    {
        try
        {
            return Convert.ToHexString(SealedBox.Open(_sealKey.Value, sealedPseudonym));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>What the pseudonym is of: the national id, else name and date of birth, normalised as duplicate search does.</summary>
    internal static string? Basis(PersonalDetails details)
    {
        var id = BeneficiaryMatching.NormaliseNationalId(details.NationalId ?? string.Empty);
        if (id.Length > 0)
        {
            return "id:" + id;
        }

        var name = BeneficiaryMatching.NormaliseName(details.FullName);
        return name.Length > 0 && details.DateOfBirth is { } born ? $"nd:{name}|{BeneficiaryMatching.NormaliseDate(born)}" : null;
    }
}
