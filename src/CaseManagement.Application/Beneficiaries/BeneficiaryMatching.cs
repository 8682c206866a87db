using System.Globalization;
using System.Collections.Frozen;
using System.Text;

namespace CaseManagement.Application.Beneficiaries;

/// <summary>
/// How two spellings of the same identifier are judged equal. The blind indexes hash these forms,
/// and the exact comparison after decryption uses them too, so both steps agree.
/// </summary>
public static class BeneficiaryMatching
{
    /// <summary>Upper case, letters and digits only: "1 850101-123456" and "1850101123456" match.</summary>
    public static string NormaliseNationalId(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Letters that carry no combining mark to strip, yet are written plainly in other records
    /// (a Turkish ı, a Polish ł, a German ß on a foreign passport).
    /// </summary>
    private static readonly FrozenDictionary<char, string> Folded = new Dictionary<char, string>
    {
        ['ı'] = "i", ['ł'] = "l", ['ß'] = "ss", ['ø'] = "o", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th",
        ['æ'] = "ae", ['œ'] = "oe", ['ħ'] = "h", ['ŀ'] = "l", ['ŧ'] = "t", ['ĸ'] = "k", ['ŋ'] = "n",
    }.ToFrozenDictionary();

    /// <summary>
    /// Lower case, diacritics removed (ș and ş → s, ț and ţ → t, ă → a), letters without a
    /// decomposition folded (ł → l, ß → ss), punctuation dropped and name parts sorted, because
    /// Romanian records often put the family name first.
    /// </summary>
    public static string NormaliseName(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue; // accents, and invisible characters such as a zero-width space
            }

            if (!char.IsLetterOrDigit(c))
            {
                builder.Append(' ');
            }
            else if (Folded.TryGetValue(char.ToLowerInvariant(c), out var folded))
            {
                builder.Append(folded);
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        var parts = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(parts, StringComparer.Ordinal);
        return string.Join(' ', parts);
    }

    public static string NormaliseDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
