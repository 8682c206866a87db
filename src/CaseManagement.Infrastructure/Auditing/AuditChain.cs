using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CaseManagement.Domain.Auditing;
using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Infrastructure.Auditing;

/// <summary>
/// The hash chain: each entry's hash is HMAC-SHA256, under a key derived from the master key, of
/// the previous hash and the entry's own content. Keyed, so that someone who can write to the
/// database cannot recompute a consistent chain after editing it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of an organisation's first entry.</summary>
    public static readonly byte[] Genesis = new byte[32];

    public static byte[] ComputeHash(ReadOnlySpan<byte> key, byte[] previousHash, Guid organisationId, long sequence, DateTimeOffset occurredAt, Guid? userId,
        string? clientId, string action, string entityType, Guid? entityId, string outcome)
    {
        using var content = new MemoryStream();
        content.Write(previousHash);
        Write(content, organisationId);
        Write(content, sequence);
        Write(content, occurredAt.UtcTicks);
        Write(content, userId);
        Write(content, clientId);
        Write(content, action);
        Write(content, entityType);
        Write(content, entityId);
        Write(content, outcome);
        return HMACSHA256.HashData(key, content.ToArray());
    }

    public static byte[] ComputeHash(ReadOnlySpan<byte> key, AuditEntry e) =>
        ComputeHash(key, e.PreviousHash, e.OrganisationId, e.Sequence, e.OccurredAt, e.UserId, e.ClientId, e.Action, e.EntityType, e.EntityId, e.Outcome);

    /// <summary>
    /// The first entry (in sequence order) at which the chain breaks, and why; null when intact.
    /// <paramref name="expectedHead"/>, exported earlier and kept elsewhere, also catches entries cut off the end.
    /// </summary>
    public static AuditBreak? FindFirstBreak(ReadOnlySpan<byte> key, IEnumerable<AuditEntry> entriesInSequenceOrder, AuditHead? expectedHead = null)
    {
        var previous = Genesis;
        long expectedSequence = 1;
        AuditEntry? last = null;
        AuditEntry? atHead = null;
        foreach (var entry in entriesInSequenceOrder)
        {
            if (entry.Sequence == expectedHead?.Sequence)
            {
                atHead = entry;
            }

            if (entry.Sequence != expectedSequence)
            {
                return new AuditBreak(expectedSequence, entry.Sequence < expectedSequence ? "sequence out of order" : "entry missing");
            }

            if (!CryptographicOperations.FixedTimeEquals(entry.PreviousHash, previous))
            {
                return new AuditBreak(entry.Sequence, "does not follow the previous entry");
            }

            if (!CryptographicOperations.FixedTimeEquals(entry.Hash, ComputeHash(key, entry)))
            {
                return new AuditBreak(entry.Sequence, "content altered");
            }

            previous = entry.Hash;
            last = entry;
            expectedSequence++;
        }

        if (expectedHead is { } head)
        {
            if (last is null || last.Sequence < head.Sequence)
            {
                return new AuditBreak((last?.Sequence ?? 0) + 1, "entries removed from the end");
            }

            // Entries may have been added since the head was exported, but the exported one must still
            // be there, unchanged: otherwise the tail was cut and the chain regrown over it.
            if (atHead is null || !CryptographicOperations.FixedTimeEquals(atHead.Hash, Convert.FromHexString(head.Hash)))
            {
                return new AuditBreak(head.Sequence, "differs from the exported head");
            }
        }

        return null;
    }

    private static void Write(Stream stream, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        stream.Write(buffer);
    }

    private static void Write(Stream stream, Guid? value)
    {
        Span<byte> buffer = stackalloc byte[17];
        buffer[0] = value.HasValue ? (byte)1 : (byte)0;
        (value ?? Guid.Empty).TryWriteBytes(buffer[1..], bigEndian: true, out _);
        stream.Write(buffer);
    }

    private static void Write(Stream stream, string? value)
    {
        var bytes = value is null ? [] : Encoding.UTF8.GetBytes(value);
        Write(stream, value is null ? -1 : bytes.Length);
        stream.Write(bytes);
    }
}

/// <summary>Where and why a chain breaks.</summary>
public sealed record AuditBreak(long Sequence, string Reason);

/// <summary>The last link of a chain, exported for safekeeping outside the database.</summary>
public sealed record AuditHead(Guid OrganisationId, long Sequence, string Hash);

/// <summary>The audit chain's key, derived from the master key: it never enters the database.</summary>
public sealed class AuditChainKey(IMasterKeyProvider masterKey)
{
    private readonly Lazy<byte[]> _key = new(() => masterKey.DeriveKey("audit-chain"));

    public ReadOnlySpan<byte> Value => _key.Value;
}
