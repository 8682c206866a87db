using System.Security.Cryptography;
using System.Text;
using CaseManagement.Infrastructure.Crypto;
using Microsoft.Extensions.Compliance.Redaction;

namespace CaseManagement.Api.Hosting;

/// <summary>
/// Logs a user or organisation id as the first 64 bits of its HMAC-SHA256 under a key derived from
/// the master key: one id is one pseudonym across lines, hosts and restarts, so an actor can be
/// followed, but the logs cannot be joined to the database without the key. The key is derived at
/// the first redaction, not at start, so a missing master key is still reported where it is checked.
/// </summary>
internal sealed class PseudonymRedactor(IMasterKeyProvider masterKey) : Redactor
{
    private const int HashBytes = 8;

    private readonly Lazy<byte[]> _key = new(() => masterKey.DeriveKey("log-pseudonyms"));

    public override int GetRedactedLength(ReadOnlySpan<char> input) => input.IsEmpty ? 0 : HashBytes * 2;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.IsEmpty)
        {
            return 0; // a null id (the system, no organisation) stays visibly absent
        }

        var length = Encoding.UTF8.GetByteCount(source);
        var bytes = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(source, bytes);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key.Value, bytes, hash);
        return Convert.TryToHexStringLower(hash[..HashBytes], destination, out var written)
            ? written
            : throw new ArgumentException("The destination is shorter than GetRedactedLength.", nameof(destination));
    }
}
