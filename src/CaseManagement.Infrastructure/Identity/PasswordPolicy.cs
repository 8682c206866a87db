using System.Text;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// The password rules of NIST SP 800-63B: length, not composition. Any character counts, spaces
/// and letters of any script included; a passphrase is the intended use.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    /// <summary>Long enough for any passphrase; short enough that nobody makes the server hash a megabyte.</summary>
    public const int MaximumLength = 256;

    /// <summary>Names shorter than this are not looked for: "Ana" inside a password would refuse half of them.</summary>
    public const int ShortestNameLookedFor = 4;

    /// <summary>
    /// NFKC, as SP 800-63B asks: a password typed with a composed "é" on one device and a
    /// decomposed one on another is the same password. ASCII is unchanged, so hashes made before
    /// normalisation still verify.
    /// </summary>
    public static string Normalise(string password) =>
        password.IsNormalized(NormalizationForm.FormKC) ? password : password.Normalize(NormalizationForm.FormKC);

    /// <summary>The form in which passwords and names are compared: NFKC, then lower case.</summary>
    public static string Folded(string value) => Normalise(value).ToLowerInvariant();
}
