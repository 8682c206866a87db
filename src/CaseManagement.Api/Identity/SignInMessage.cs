using CaseManagement.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Api.Identity;

/// <summary>
/// What to tell a person on a sign-in page (a failure, a refusal): one or more sentences, each a
/// text's key and its values, put into words in the page's language only when the page is drawn.
/// </summary>
internal sealed class SignInMessage
{
    private SignInMessage(IReadOnlyList<(string Key, object[] Values)> sentences) => Sentences = sentences;

    public IReadOnlyList<(string Key, object[] Values)> Sentences { get; }

    public static SignInMessage Of(string key, params object[] values) => new([(key, values)]);

    /// <summary>Several messages said one after the other; null when there are none.</summary>
    public static SignInMessage? Join(IEnumerable<SignInMessage> messages) =>
        messages.SelectMany(m => m.Sentences).ToList() is { Count: > 0 } sentences ? new SignInMessage(sentences) : null;

    /// <summary>The sentences in the current culture's language, as plain text.</summary>
    public string In(IStringLocalizer<Text> texts) =>
        string.Join(" ", Sentences.Select(s => texts[s.Key, s.Values].Value).Distinct(StringComparer.Ordinal));
}
