namespace CaseManagement.Infrastructure.Crypto;

public sealed class EncryptionOptions
{
    public const string Section = "Encryption";

    /// <summary>
    /// The 256-bit master key, base64. Required outside Development; set it through the environment
    /// (<c>Encryption__MasterKey</c>) or a secret store, never in a file in the repository.
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>Development only: where the generated master key is kept, relative to the content root.</summary>
    public string DevelopmentKeyFile { get; set; } = "data/keys/master.key";

    /// <summary>
    /// Bits kept from each blind index. Sized so that an index value is shared by at least two
    /// and fewer than √rows beneficiaries of one organisation (CipherSweet's rule): 8 bits suits
    /// 512 to 65,000 rows. To change it, rotate every organisation's key and run <c>reencrypt</c>,
    /// which rebuilds the indexes as it rewrites the rows.
    /// </summary>
    public int BlindIndexBits { get; set; } = 8;

    /// <summary>How long a replica trusts its cached "newest key" before looking again.</summary>
    public TimeSpan ActiveKeyCacheDuration { get; set; } = TimeSpan.FromMinutes(1);
}
