namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// How many bits each blind index keeps (<c>Encryption:BlindIndex</c>). The bits follow the
/// number of rows an index covers, so that a lookup decrypts about the same handful of candidates
/// at ten thousand people as at a million (see <see cref="BlindIndexSizing"/>). Changing any of
/// these changes index values: run the <c>reindex</c> verb afterwards.
/// </summary>
public sealed class BlindIndexOptions
{
    public const int DefaultExpectedRows = 10_000;

    public const int DefaultTargetCoincidences = 32;

    /// <summary>Beneficiaries expected in the largest organisation, a few years ahead.</summary>
    public long ExpectedRows { get; set; } = DefaultExpectedRows;

    /// <summary>Rows sharing one index value that the sizing aims for: candidates decrypted per lookup.</summary>
    public int TargetCoincidences { get; set; } = DefaultTargetCoincidences;

    /// <summary>
    /// Optional fixed bits for one column, by entity then property
    /// (<c>Encryption:BlindIndex:Bits:Beneficiary:NationalId</c>). Bypasses the rule; 4 to 24.
    /// </summary>
    public Dictionary<string, Dictionary<string, int>> Bits { get; set; } = [];
}
