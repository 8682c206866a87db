using System.Globalization;
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
    /// Lower case, diacritics removed (ș → s, ă → a), punctuation dropped and name parts sorted,
    /// because Romanian records often put the family name first.
    /// </summary>
    public static string NormaliseName(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var parts = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(parts, StringComparer.Ordinal);
        return string.Join(' ', parts);
    }

    public static string NormaliseDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
