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
    /// Fixed bits for every blind index (4 to 24), kept for deployments that set it before the bits
    /// followed the rows. Leave it out so that <see cref="BlindIndex"/> sizes each column; a
    /// per-column <see cref="BlindIndexOptions.Bits"/> entry still wins over it.
    /// </summary>
    public int? BlindIndexBits { get; set; }

    /// <summary>How many bits each blind index keeps (<c>Encryption:BlindIndex</c>).</summary>
    public BlindIndexOptions BlindIndex { get; set; } = new();

    /// <summary>How long a replica trusts its cached "newest key" before looking again.</summary>
    public TimeSpan ActiveKeyCacheDuration { get; set; } = TimeSpan.FromMinutes(1);
}
