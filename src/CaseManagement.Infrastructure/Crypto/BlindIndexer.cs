using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// Blind indexes: HMAC-SHA256 of a normalised value under a key derived for that organisation,
/// entity and column, truncated to <see cref="EncryptionOptions.BlindIndexBits"/> bits so that an
/// index value never identifies one person by itself.
/// </summary>
public sealed class BlindIndexer(KeyRing keys, IOptions<EncryptionOptions> options)
{
    private readonly ConcurrentDictionary<(Guid Organisation, string Entity, string Column), byte[]> _keys = new();
    private readonly int _bits = ValidBits(options.Value.BlindIndexBits);

    public int Compute(Guid organisationId, string entity, string column, string normalisedValue)
    {
        var key = _keys.GetOrAdd((organisationId, entity, column), static (id, ring) =>
            ring.Get(id.Organisation, KeyRing.IndexKeyVersion).Derive($"blind-index/{id.Entity}/{id.Column}"), keys);

        var length = Encoding.UTF8.GetByteCount(normalisedValue);
        var data = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(normalisedValue, data);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, data, mac);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(mac) >> (32 - _bits));
    }

    private static int ValidBits(int bits) => bits is >= 4 and <= 24
        ? bits
        : throw new InvalidOperationException($"{EncryptionOptions.Section}:BlindIndexBits must be between 4 and 24.");
}
