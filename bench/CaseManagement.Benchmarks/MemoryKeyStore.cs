using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Benchmarks;

/// <summary>Data keys in memory: the benchmarks measure cryptography and reads, not the key table.</summary>
internal sealed class MemoryKeyStore : IDataKeyStore
{
    private readonly List<OrganisationKey> _keys = [];

    public IReadOnlyList<OrganisationKey> Load(Guid organisationId) => [.. _keys.Where(k => k.OrganisationId == organisationId)];

    public Task AddAsync(OrganisationKey key, CancellationToken cancellationToken)
    {
        _keys.Add(key);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> MasterKeyIdsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _keys.Select(k => k.MasterKeyId).Distinct()]);
}
