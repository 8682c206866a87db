using CaseManagement.Web.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Forms;

/// <summary>
/// A form's errors by field, shown in a summary that links to each field and beside the field
/// itself. Messages are fixed sentences in the page's language (this project's resources, or the
/// Application's own where none is written), never the submitted value.
/// </summary>
public sealed class FormErrors
{
    /// <summary>The key of an error about the form as a whole, not one field.</summary>
    public const string Form = "";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IEnumerable<(string Field, string Message)> All =>
        _errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        if (!messages.Contains(message, StringComparer.Ordinal))
        {
            messages.Add(message);
        }
    }

    /// <summary>
    /// The use case's validation errors, each on the form field it names ("Beneficiary.Aliases[2]"
    /// is the field "Aliases" of a form that sends a "Beneficiary"), in the page's language. A page
    /// with several forms names their fields apart: with <paramref name="scope"/> "Goal", the
    /// command's "Date" is the field "Goal.Date".
    /// </summary>
    public void Add(ValidationException exception, IStringLocalizer<Text> text, string? prefix = null, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var failure in exception.Errors)
        {
            var path = failure.PropertyName;
            if (prefix is not null && path.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                path = path[(prefix.Length + 1)..];
            }

            var bracket = path.IndexOfAny(['[', '.']);
            var field = bracket < 0 ? path : path[..bracket];
            field = field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..]; // the identity layer names its fields in camel case
            Add(scope is null ? field : $"{scope}.{field}", ValidationMessages.Of(failure, text));
        }
    }
}
