using System.Security.Cryptography;
using CaseManagement.Infrastructure.Crypto;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Tests;

/// <summary>A key store in memory: these tests exercise the cryptography, not the database.</summary>
internal sealed class MemoryKeyStore : IDataKeyStore
{
    private readonly List<OrganisationKey> _keys = [];

    public IReadOnlyList<OrganisationKey> Load(Guid organisationId)
    {
        lock (_keys)
        {
            return [.. _keys.Where(k => k.OrganisationId == organisationId)];
        }
    }

    public Task AddAsync(OrganisationKey key, CancellationToken cancellationToken)
    {
        lock (_keys)
        {
            _keys.Add(key);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> MasterKeyIdsAsync(CancellationToken cancellationToken)
    {
        lock (_keys)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _keys.Select(k => k.MasterKeyId).Distinct()]);
        }
    }
}

internal sealed class TestKeys : IDisposable
{
    public TestKeys(int blindIndexBits = 8)
        : this(new EncryptionOptions { BlindIndexBits = blindIndexBits })
    {
    }

    public TestKeys(EncryptionOptions settings)
    {
        var options = Options.Create(settings);
        MasterKey = new ConfiguredMasterKeyProvider(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Ring = new KeyRing(MasterKey, Store, options, TimeProvider.System);
        Encryptor = new FieldEncryptor(Ring);
        Indexer = new BlindIndexer(Ring, options);
    }

    public ConfiguredMasterKeyProvider MasterKey { get; }

    public MemoryKeyStore Store { get; } = new();

    public KeyRing Ring { get; }

    public FieldEncryptor Encryptor { get; }

    public BlindIndexer Indexer { get; }

    public async Task<Guid> NewOrganisationAsync()
    {
        var id = Guid.CreateVersion7();
        await Store.AddAsync(Ring.CreateKey(id, 1), CancellationToken.None);
        return id;
    }

    public void Dispose() => Ring.Dispose();
}
