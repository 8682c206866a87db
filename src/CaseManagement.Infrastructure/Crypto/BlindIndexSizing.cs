using CaseManagement.Infrastructure.Persistence.PersonalData;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// CipherSweet's rule for truncating a blind index: with R rows and b bits each index value is
/// shared by C = R / 2^b rows on average, and 2 ≤ C &lt; √R. C ≥ 2 keeps an index value from
/// pointing at one person; C &lt; √R keeps the index useful. Inside that band the bits aim at a
/// fixed C, so a lookup's work stays flat as an organisation grows.
/// </summary>
public static class BlindIndexSizing
{
    public const int MinBits = 4;

    public const int MaxBits = 24;

    /// <summary>
    /// round(log2(R / target)), moved into the rule's band, then below the column's own input
    /// space (<paramref name="inputBits"/>, e.g. dates of birth) and into 4..24.
    /// </summary>
    public static int Bits(long expectedRows, int targetCoincidences, double? inputBits = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetCoincidences, 1);
        var log2Rows = Math.Log2(expectedRows);
        var bits = (int)Math.Round(log2Rows - Math.Log2(targetCoincidences), MidpointRounding.AwayFromZero);

        var atMost = (int)Math.Floor(log2Rows - 1);    // C ≥ 2
        var atLeast = (int)Math.Floor(log2Rows / 2) + 1; // C < √R
        // Where the band is empty (a handful of rows), keeping C ≥ 2 wins over usefulness.
        bits = Math.Min(Math.Max(bits, atLeast), atMost);

        if (inputBits is { } domain)
        {
            // Each index value should still stand for at least two possible inputs: more bits than
            // that only turn the index into a pseudonym of the value, and narrow no lookup further.
            bits = Math.Min(bits, (int)Math.Floor(domain) - 1);
        }

        return Math.Clamp(bits, MinBits, MaxBits);
    }

    /// <summary>The bits of every declared blind index under <paramref name="options"/>, by (entity, property).</summary>
    public static IReadOnlyDictionary<(string Entity, string Column), int> For(EncryptionOptions options)
    {
        var sizing = options.BlindIndex;
        var result = new Dictionary<(string, string), int>();
        foreach (var index in PersonalDataModel.BlindIndexes)
        {
            var entity = index.Entity.Name;
            result[(entity, index.Property)] =
                sizing.Bits.TryGetValue(entity, out var columns) && columns.TryGetValue(index.Property, out var fixedBits) ? fixedBits
                : options.BlindIndexBits ?? Bits(sizing.ExpectedRows, sizing.TargetCoincidences, index.InputBits);
        }

        return result;
    }

    /// <summary>What is wrong with the blind-index settings, in an operator's words, or null.</summary>
    public static string? Problem(EncryptionOptions options)
    {
        var section = $"{EncryptionOptions.Section}:BlindIndex";
        var sizing = options.BlindIndex;
        if (sizing.ExpectedRows is < 16 or > 1_000_000_000)
        {
            return $"{section}:ExpectedRows must lie between 16 and 1,000,000,000 (beneficiaries expected in the largest organisation).";
        }

        if (sizing.TargetCoincidences < 2 || sizing.TargetCoincidences * (double)sizing.TargetCoincidences >= sizing.ExpectedRows)
        {
            return $"{section}:TargetCoincidences must be at least 2 and below √ExpectedRows (CipherSweet's rule).";
        }

        if (options.BlindIndexBits is { } uniform && uniform is < MinBits or > MaxBits)
        {
            return $"{EncryptionOptions.Section}:BlindIndexBits must lie between {MinBits} and {MaxBits}, or be left out so the bits follow ExpectedRows.";
        }

        foreach (var (entity, columns) in sizing.Bits)
        {
            foreach (var (column, bits) in columns)
            {
                if (!PersonalDataModel.BlindIndexes.Any(i => i.Entity.Name == entity && i.Property == column))
                {
                    var known = string.Join(", ", PersonalDataModel.BlindIndexes.Select(i => $"{i.Entity.Name}:{i.Property}"));
                    return $"{section}:Bits:{entity}:{column} names no blind index (known: {known}).";
                }

                if (bits is < MinBits or > MaxBits)
                {
                    return $"{section}:Bits:{entity}:{column} must lie between {MinBits} and {MaxBits}.";
                }
            }
        }

        return null;
    }
}
