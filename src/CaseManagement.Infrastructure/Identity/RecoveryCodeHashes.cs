using System.Security.Cryptography;
using System.Text;
using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// How recovery codes are kept: "v1:" and, per unused code, HMAC-SHA256 under a key derived from
/// the master key over the user id and the normalised code, base64, separated by ";". Identity's
/// codes carry about 47 bits (10 characters of 26); a plain hash of so few bits falls to a GPU in
/// hours, a keyed one cannot be tested at all without the master key, which is not in the
/// database. A slow hash is not needed for that reason, and would let each wrong guess cost the
/// server ten slow hashes. A value that is not in this form (Identity's clear codes) counts as none.
/// </summary>
internal static class RecoveryCodeHashes
{
    private const string Purpose = "recovery-codes";
    private const string Prefix = "v1:";
    private const char Separator = ';';

    public static string Of(IMasterKeyProvider masterKey, Guid userId, IEnumerable<string> codes)
    {
        var key = masterKey.DeriveKey(Purpose);
        return Prefix + string.Join(Separator, codes.Select(code => Convert.ToBase64String(Hash(key, userId, code))));
    }

    /// <summary>The stored value without the typed code's hash, or null when it holds no such code. Every entry is compared, in constant time.</summary>
    public static string? Without(IMasterKeyProvider masterKey, Guid userId, string? stored, string typed)
    {
        var entries = Entries(stored);
        var typedHash = Hash(masterKey.DeriveKey(Purpose), userId, typed);
        var match = -1;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = Decode(entries[i]);
            if (entry is not null && CryptographicOperations.FixedTimeEquals(entry, typedHash))
            {
                match = i;
            }
        }

        return match < 0 || RecoveryCodes.Normalise(typed).Length == 0
            ? null
            : Prefix + string.Join(Separator, entries.Where((_, i) => i != match));
    }

    public static int Count(string? stored) => Entries(stored).Length;

    private static string[] Entries(string? stored) =>
        stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal)
            ? stored[Prefix.Length..].Split(Separator, StringSplitOptions.RemoveEmptyEntries)
            : [];

    private static byte[] Hash(byte[] key, Guid userId, string code) =>
        HMACSHA256.HashData(key, (byte[])[.. userId.ToByteArray(), .. Encoding.UTF8.GetBytes(RecoveryCodes.Normalise(code))]);

    private static byte[]? Decode(string entry)
    {
        var bytes = new byte[32];
        return Convert.TryFromBase64String(entry, bytes, out var written) && written == 32 ? bytes : null;
    }
}
