using System.Globalization;
using System.Text.RegularExpressions;
using CaseManagement.Web.Resources;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Forms;

/// <summary>
/// A validation failure in the page's language. The Application's messages are English: they are
/// the API's contract. A page shows instead the text its resources hold under "Validation." and
/// the failure's error code (a rule's own code, or a built-in validator's name such as
/// "MaximumLengthValidator"), with the rule's values put in where the text says {Name}: those the
/// rule states (<c>WithMessageValues</c>) or FluentValidation's own (MaxLength, From, To …), never
/// the submitted value. A failure without a text keeps the Application's sentence.
/// </summary>
public static partial class ValidationMessages
{
    public const string Prefix = "Validation.";

    public static string Of(ValidationFailure failure, IStringLocalizer<Text> text)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (string.IsNullOrEmpty(failure.ErrorCode) || text[Prefix + failure.ErrorCode] is not { ResourceNotFound: false } template)
        {
            return failure.ErrorMessage;
        }

        return Placeholder().Replace(template.Value, m => ValueOf(failure, m.Groups[1].Value) is { } value ? Format(value) : m.Value);
    }

    private static object? ValueOf(ValidationFailure failure, string name) =>
        name is "PropertyValue" or "PropertyName" ? null // what was typed stays out; the field is the one the message stands beside
        : failure.CustomState is IReadOnlyDictionary<string, object> values && values.TryGetValue(name, out var value) ? value
        : failure.FormattedMessagePlaceholderValues?.GetValueOrDefault(name);

    /// <summary>Dates and numbers as the page's language writes them (ro-RO 01.01.1900, en-GB 01/01/1900); whole numbers ungrouped, as years are.</summary>
    private static string Format(object value) => value switch
    {
        DateOnly date => date.ToString("d", CultureInfo.CurrentCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? string.Empty,
    };

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
