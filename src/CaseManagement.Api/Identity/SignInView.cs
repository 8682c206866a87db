using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CaseManagement.Web.Resources;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Api.Identity;

/// <summary>
/// What a sign-in page is drawn with: its texts in the request's language (the web application's
/// Text resources), HTML-encoded, and its forms' antiforgery field.
/// </summary>
internal sealed class SignInView(HttpContext context, IStringLocalizer<Text> texts, IAntiforgery antiforgery)
{
    // Romanian letters (ă â î ș ț) and typographic punctuation stay readable in the source; markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(
        UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA, UnicodeRanges.LatinExtendedB, UnicodeRanges.GeneralPunctuation);

    public HttpContext Context => context;

    /// <summary>A text, encoded.</summary>
    public string this[string key] => Encode(texts[key]);

    /// <summary>A text with its values put in (numbers as the language writes them), encoded.</summary>
    public string this[string key, params object[] values] => Encode(texts[key, values]);

    /// <summary>A text around markup: the text is encoded, then each {n} in it replaced by <paramref name="markup"/>, which the caller has encoded.</summary>
    public string Html(string key, params string[] markup) =>
        string.Format(CultureInfo.CurrentCulture, Encode(texts[key]), [.. markup]);

    public string Say(SignInMessage message) => Encode(message.In(texts));

    /// <summary>A date as the page's language writes it (ro-RO 07.12.2026, en-GB 07/12/2026).</summary>
    public static string Day(DateTimeOffset at) => Encode(at.UtcDateTime.ToString("d", CultureInfo.CurrentCulture));

    /// <summary>The antiforgery field, the same token for every form of the page.</summary>
    public string Antiforgery()
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken!)}\">";
    }

    public static string Encode(string value) => Encoder.Encode(value);
}
