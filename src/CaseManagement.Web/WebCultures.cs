using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace CaseManagement.Web;

/// <summary>Romanian by default, English on request; the choice is kept in a cookie of its own (no personal data).</summary>
public static class WebCultures
{
    public const string CookieName = "casemanagement.culture";

    public static readonly CultureInfo Romanian = CultureInfo.GetCultureInfo("ro-RO");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<CultureInfo> Supported { get; } = [Romanian, English];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Romanian),
            SupportedCultures = [.. Supported],
            SupportedUICultures = [.. Supported],
            FallBackToParentCultures = false,
            FallBackToParentUICultures = false,
        };
        // The cookie only: a browser's Accept-Language must not turn a Romanian office's screens English.
        options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CookieName }];
        return options;
    }

    /// <summary>A language's name in that language, as its button in a language switch says it.</summary>
    public static string NameOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ro" ? "Română" : "English";

    /// <summary>The supported culture named <paramref name="name"/>, or null for anything else.</summary>
    public static CultureInfo? Find(string? name) =>
        Supported.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
