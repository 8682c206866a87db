using CaseManagement.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Forms;

/// <summary>
/// A use case's refusal by a rule (a domain rule, a conflict, an unprocessable request) in the
/// page's language: the text under "Rule." and the refusal's stable code. The API answers with
/// the English sentence and the code; a refusal without a text keeps that sentence.
/// </summary>
public static class RuleMessages
{
    public const string Prefix = "Rule.";

    public static string Of(string code, string message, IStringLocalizer<Text> text) =>
        text[Prefix + code] is { ResourceNotFound: false } found ? found.Value : message;
}
