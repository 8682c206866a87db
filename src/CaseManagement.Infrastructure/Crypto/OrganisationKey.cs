namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// One organisation's data key, wrapped (AES-256-GCM) by the master key. The plaintext key never
/// reaches the database; without the master key these rows are useless.
/// </summary>
public sealed class OrganisationKey
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>1, 2, … per organisation; the highest is used for new writes.</summary>
    public int Version { get; set; }

    /// <summary>nonce(12) | wrapped key(32) | tag(16).</summary>
    public byte[] WrappedKey { get; set; } = [];

    /// <summary>Which master key wrapped this key, so a wrong master key is reported as such.</summary>
    public string MasterKeyId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Where wrapped data keys are kept; the database in production, memory in unit tests.</summary>
public interface IDataKeyStore
{
    /// <summary>All committed keys of one organisation.</summary>
    IReadOnlyList<OrganisationKey> Load(Guid organisationId);

    /// <summary>Stores a new key and commits it at once, outside any command's transaction.</summary>
    Task AddAsync(OrganisationKey key, CancellationToken cancellationToken);

    /// <summary>The distinct ids of the master keys that wrapped the stored keys.</summary>
    Task<IReadOnlyList<string>> MasterKeyIdsAsync(CancellationToken cancellationToken);
}
