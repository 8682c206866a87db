using System.Globalization;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The name a person gives a passkey, to tell their devices apart ("office laptop"). It is shown
/// only to them, on their passkeys page; short, one line, printable, and optional.
/// </summary>
internal static class PasskeyNames
{
    public const int MaxLength = 40;

    /// <summary>What is wrong with the typed name, or null when it can be kept (an empty one included).</summary>
    public static string? Problem(string? typed)
    {
        var name = typed?.Trim() ?? string.Empty;
        if (name.Length > MaxLength)
        {
            return $"A passkey's name has at most {MaxLength} characters.";
        }

        // No control or formatting characters: a name is shown as typed, and a direction override would disguise it.
        return name.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            ? "A passkey's name may hold letters, digits, spaces and punctuation only."
            : null;
    }

    /// <summary>The typed name, or one the server gives when none was typed.</summary>
    public static string OrDefault(string? typed, DateTimeOffset now) =>
        typed?.Trim() is { Length: > 0 } name ? name : "Passkey added " + now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
