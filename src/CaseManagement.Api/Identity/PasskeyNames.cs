using System.Globalization;
using CaseManagement.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The name a person gives a passkey, to tell their devices apart ("office laptop"). It is shown
/// only to them, on their passkeys page; short, one line, printable, and optional.
/// </summary>
internal static class PasskeyNames
{
    public const int MaxLength = 40;

    /// <summary>What is wrong with the typed name, or null when it can be kept (an empty one included).</summary>
    public static SignInMessage? Problem(string? typed)
    {
        var name = typed?.Trim() ?? string.Empty;
        if (name.Length > MaxLength)
        {
            return SignInMessage.Of("Passkeys.NameTooLong", MaxLength);
        }

        // No control or formatting characters: a name is shown as typed, and a direction override would disguise it.
        return name.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            ? SignInMessage.Of("Passkeys.NameCharacters")
            : null;
    }

    /// <summary>The typed name, or one the server gives when none was typed, in the language of the page it was added on.</summary>
    public static string OrDefault(string? typed, DateTimeOffset now, IStringLocalizer<Text> texts) =>
        typed?.Trim() is { Length: > 0 } name ? name : texts["Passkeys.DefaultName", now.UtcDateTime.ToString("d", CultureInfo.CurrentCulture)];
}
