using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// Blind indexes: HMAC-SHA256 of a normalised value under a key derived for that organisation,
/// entity and column, truncated to the column's bits (<see cref="BlindIndexSizing"/>) so that an
/// index value never identifies one person by itself.
/// </summary>
public sealed class BlindIndexer(KeyRing keys, IOptions<EncryptionOptions> options)
{
    private readonly ConcurrentDictionary<(Guid Organisation, string Entity, string Column), byte[]> _keys = new();
    private readonly FrozenDictionary<(string Entity, string Column), int> _bits = ValidBits(options.Value);

    /// <summary>The bits each declared blind index keeps under the current settings.</summary>
    public IReadOnlyDictionary<(string Entity, string Column), int> Bits => _bits;

    public int Compute(Guid organisationId, string entity, string column, string normalisedValue)
    {
        if (!_bits.TryGetValue((entity, column), out var bits))
        {
            throw new InvalidOperationException($"{entity}.{column} has no blind index.");
        }

        var key = _keys.GetOrAdd((organisationId, entity, column), static (id, ring) =>
            ring.Get(id.Organisation, KeyRing.IndexKeyVersion).Derive($"blind-index/{id.Entity}/{id.Column}"), keys);

        var length = Encoding.UTF8.GetByteCount(normalisedValue);
        var data = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(normalisedValue, data);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, data, mac);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(mac) >> (32 - bits));
    }

    private static FrozenDictionary<(string, string), int> ValidBits(EncryptionOptions options) =>
        BlindIndexSizing.Problem(options) is { } problem
            ? throw new InvalidOperationException(problem)
            : BlindIndexSizing.For(options).ToFrozenDictionary();
}
