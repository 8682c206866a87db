using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using CaseManagement.Infrastructure.Telemetry;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// Envelope encryption's key hierarchy: the master key wraps per-organisation data keys kept in
/// the database. Unwrapped keys are cached in memory; a key unknown to the cache is loaded from
/// the store, so keys made by another replica are found.
/// </summary>
public sealed class KeyRing(
    IMasterKeyProvider masterKey,
    IDataKeyStore store,
    IOptions<EncryptionOptions> options,
    TimeProvider clock) : IDisposable
{
    /// <summary>Blind-index keys derive from the first key, so that indexes survive rotation.</summary>
    public const int IndexKeyVersion = 1;

    private readonly ConcurrentDictionary<(Guid Organisation, int Version), DataKey> _keys = new();
    private readonly ConcurrentDictionary<Guid, (int Version, DateTimeOffset LoadedAt)> _active = new();
    private readonly Lazy<string> _masterKeyId = new(() => Convert.ToHexString(SHA256.HashData(masterKey.MasterKey))[..16]);
    private volatile bool _masterKeyMatched;

    /// <summary>The key new values of this organisation are sealed with.</summary>
    public DataKey Active(Guid organisationId)
    {
        if (_active.TryGetValue(organisationId, out var active)
            && clock.GetUtcNow() - active.LoadedAt < options.Value.ActiveKeyCacheDuration
            && _keys.TryGetValue((organisationId, active.Version), out var key))
        {
            return key;
        }

        Load(organisationId);
        return _keys[(organisationId, _active[organisationId].Version)];
    }

    public DataKey Get(Guid organisationId, int version)
    {
        if (_keys.TryGetValue((organisationId, version), out var key))
        {
            return key;
        }

        Load(organisationId);
        if (_keys.TryGetValue((organisationId, version), out key))
        {
            return key;
        }

        InfrastructureMetrics.DecryptFailed("key");
        throw new CryptographicException("The data key a value was sealed with is not in the key store.");
    }

    /// <summary>
    /// Refuses a master key that did not wrap the stored data keys, as after a restore with the wrong
    /// escrowed key: better no start than a server whose every read fails, or that wraps new keys
    /// under a second master key.
    /// </summary>
    public async Task EnsureMasterKeyMatchesAsync(CancellationToken cancellationToken)
    {
        if (_masterKeyMatched)
        {
            return; // a database is not swapped under a running process: once is enough
        }

        var stored = await store.MasterKeyIdsAsync(cancellationToken);
        if (stored.Any(id => id != _masterKeyId.Value))
        {
            throw new InvalidOperationException(
                "The configured master key is not the one that wrapped this database's data keys. Configure the master key " +
                "escrowed with this database (see docs/backup.md); the server refuses to start rather than fail on every read.");
        }

        _masterKeyMatched = stored.Count > 0;
    }

    /// <summary>Creates a newer data key; new writes use it at once, old values stay readable.</summary>
    public async Task<int> RotateAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var keys = store.Load(organisationId);
        if (keys.Count == 0)
        {
            throw new InvalidOperationException("The organisation has no data key to rotate.");
        }

        var version = keys.Max(k => k.Version) + 1;
        await store.AddAsync(CreateKey(organisationId, version), cancellationToken);
        _active.TryRemove(organisationId, out _);
        return version;
    }

    private void Load(Guid organisationId)
    {
        var stored = store.Load(organisationId);
        if (stored.Count == 0)
        {
            throw new CryptographicException("The organisation has no data key; it must be provisioned first.");
        }

        foreach (var row in stored)
        {
            if (!_keys.ContainsKey((organisationId, row.Version)))
            {
                var key = new DataKey(organisationId, row.Version, Unwrap(row));
                if (!_keys.TryAdd((organisationId, row.Version), key))
                {
                    key.Dispose();
                }
            }
        }

        _active[organisationId] = (stored.Max(k => k.Version), clock.GetUtcNow());
    }

    /// <summary>A new random data key, wrapped by the master key, ready to be stored.</summary>
    public OrganisationKey CreateKey(Guid organisationId, int version)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var wrapped = SealedBox.Seal(masterKey.MasterKey, key, WrapContext(organisationId, version));
        CryptographicOperations.ZeroMemory(key);
        return new OrganisationKey
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisationId,
            Version = version,
            WrappedKey = wrapped,
            MasterKeyId = _masterKeyId.Value,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    private byte[] Unwrap(OrganisationKey row)
    {
        if (row.MasterKeyId != _masterKeyId.Value)
        {
            InfrastructureMetrics.DecryptFailed("key");
            throw new CryptographicException("The data keys were wrapped by another master key than the one configured.");
        }

        var key = SealedBox.Open(masterKey.MasterKey, row.WrappedKey, WrapContext(row.OrganisationId, row.Version));
        return key.Length == 32 ? key : throw new CryptographicException("A wrapped data key does not hold 32 bytes.");
    }

    /// <summary>A wrapped key is bound to its organisation and version: moving it to another row fails.</summary>
    private static byte[] WrapContext(Guid organisationId, int version)
    {
        var label = "casemanagement/v1/data-key"u8;
        var context = new byte[label.Length + 16 + 4];
        label.CopyTo(context);
        organisationId.TryWriteBytes(context.AsSpan(label.Length), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(context.AsSpan(label.Length + 16), version);
        return context;
    }

    public void Dispose()
    {
        // Registered under two service types, so disposed twice: the second call finds nothing.
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }
}
