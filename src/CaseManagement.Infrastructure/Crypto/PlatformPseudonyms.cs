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
    /// <summary>Shorter identity numbers exist nowhere in the region the members serve; shorter values are placeholders.</summary>
    private const int MinimumIdLength = 5;

    private const int HashLength = 32;

    private readonly Lazy<byte[]> _hashKey = new(() => masterKey.DeriveKey("platform-pseudonym"));
    private readonly Lazy<byte[]> _sealKey = new(() => masterKey.DeriveKey("platform-pseudonym-seal"));

    public byte[]? Seal(PersonalDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return Basis(details) is { } basis ? SealedBox.Seal(_sealKey.Value, HMACSHA256.HashData(_hashKey.Value, Encoding.UTF8.GetBytes(basis))) : null;
    }

    public byte[]? Reseal(byte[]? sealedPseudonym) =>
        sealedPseudonym is not null && SealedBox.TryOpen(_sealKey.Value, sealedPseudonym) is { } pseudonym ? SealedBox.Seal(_sealKey.Value, pseudonym) : null;

    /// <summary>
    /// How many different people the sealed pseudonyms name: equal pseudonyms are one person; a
    /// missing one, or one that does not open, is a person of its own. One cipher for the whole
    /// scan and no allocation per value: a period of the whole platform opens some 100,000s.
    /// </summary>
    public async Task<long> CountPeopleAsync(IAsyncEnumerable<byte[]?> sealedPseudonyms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sealedPseudonyms);
        using var aes = new AesGcm(_sealKey.Value, FieldEnvelope.TagSize);
        var people = new HashSet<UInt128>();
        var unmatched = 0L;
        await foreach (var box in sealedPseudonyms.WithCancellation(cancellationToken))
        {
            if (box is null || !TryOpen(aes, box, out var pseudonym))
            {
                unmatched++;
            }
            else
            {
                people.Add(pseudonym); // the first 128 bits of the HMAC: a collision among a million people has odds of about 1 in 10^26
            }
        }

        return people.Count + unmatched;
    }

    private static bool TryOpen(AesGcm aes, byte[] box, out UInt128 pseudonym)
    {
        Span<byte> plain = stackalloc byte[HashLength];
        var opened = SealedBox.TryOpen(aes, box, plain);
        pseudonym = opened ? System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(plain) : default;
        return opened;
    }

    /// <summary>The pseudonym in a sealed value, as hex for comparing; null when it does not open (damaged, or sealed under another key).</summary>
    public string? TryOpen(byte[] sealedPseudonym) =>
        SealedBox.TryOpen(_sealKey.Value, sealedPseudonym) is { } pseudonym ? Convert.ToHexString(pseudonym) : null;

    /// <summary>
    /// What the pseudonym is of: the national id, else name and date of birth, normalised as
    /// duplicate search does. An id that looks like a placeholder ("N/A", "0000", "-") is no id:
    /// it would make everyone recorded with it one person.
    /// </summary>
    internal static string? Basis(PersonalDetails details)
    {
        var id = BeneficiaryMatching.NormaliseNationalId(details.NationalId ?? string.Empty);
        if (id.Length >= MinimumIdLength && id.Any(char.IsDigit) && id.Distinct().Count() > 1)
        {
            return "id:" + id;
        }

        var name = BeneficiaryMatching.NormaliseName(details.FullName);
        return name.Length > 0 && details.DateOfBirth is { } born ? $"nd:{name}|{BeneficiaryMatching.NormaliseDate(born)}" : null;
    }
}
