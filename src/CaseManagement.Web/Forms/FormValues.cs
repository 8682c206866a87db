using System.Globalization;
using System.Text;
using CaseManagement.Application.Common.Validation;
using CaseManagement.Web.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Forms;

/// <summary>
/// Reads a posted form's values the way the API reads JSON: text that is not well-formed Unicode
/// or holds control characters is refused, the rest is normalised to NFC; an enum takes exactly
/// one of its defined names; a date is ISO 8601. A bad value becomes an error on its field, never
/// an exception. What the value must be beyond that is the use case's validator's to say.
/// </summary>
public sealed partial class FormValues(IFormCollection form, FormErrors errors, IStringLocalizer<Text> text)
{
    public string Raw(string name) => form[name].ToString();

    /// <summary>The text of a field, or null when blank; line breaks and tabs only where <paramref name="multiline"/>.</summary>
    public string? Text(string name, bool multiline = false)
    {
        var value = Single(name);
        if (value.Length == 0)
        {
            return null;
        }

        if (!TextRules.IsWellFormed(value) || (!multiline && !TextRules.IsSingleLine(value)))
        {
            errors.Add(name, text["Form.UnsafeText"]);
            return null;
        }

        value = value.Normalize(NormalizationForm.FormC);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>A choice every form control sends: absent is an error, never a silent default.</summary>
    public TEnum Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var value = Single(name);
        if (value.Length == 0)
        {
            errors.Add(name, text["Form.Required"]);
            return default;
        }

        if (System.Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal))
        {
            return System.Enum.Parse<TEnum>(value);
        }

        errors.Add(name, text["Form.UnknownChoice"]);
        return default;
    }

    /// <summary>Every checked box of a group, each exactly one defined name.</summary>
    public List<TEnum> Enums<TEnum>(string name)
        where TEnum : struct, Enum =>
        [.. Choices(name, System.Enum.GetNames<TEnum>()).Select(System.Enum.Parse<TEnum>)];

    /// <summary>Every checked box of a group whose values are fixed names (the roles), each one of <paramref name="allowed"/>.</summary>
    public List<string> Choices(string name, IReadOnlyList<string> allowed)
    {
        var chosen = new List<string>();
        foreach (var value in form[name])
        {
            if (value is not null && allowed.Contains(value, StringComparer.Ordinal))
            {
                chosen.Add(value);
            }
            else
            {
                errors.Add(name, text["Form.UnknownChoice"]);
            }
        }

        return chosen;
    }

    /// <summary>The id a choice among records sends; anything else is an unknown choice.</summary>
    public Guid? Id(string name)
    {
        var value = Single(name);
        if (value.Length == 0)
        {
            return null;
        }

        if (Guid.TryParseExact(value, "D", out var id) && id != Guid.Empty)
        {
            return id;
        }

        errors.Add(name, text["Form.UnknownChoice"]);
        return null;
    }

    public DateOnly? Date(string name)
    {
        var value = Single(name);
        if (value.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(name, text["Form.BadDate"]);
        return null;
    }

    /// <summary>
    /// A day and hour in Romania's time, as a <c>datetime-local</c> field sends it (2026-11-20T09:00), as an
    /// instant; an hour the clocks skip in spring is refused.
    /// </summary>
    public DateTimeOffset? CourtTime(string name)
    {
        var value = Single(name);
        if (value.Length == 0)
        {
            return null;
        }

        if (DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && Shared.CourtTime.At(local) is { } at)
        {
            return at;
        }

        errors.Add(name, text["Form.BadDateTime"]);
        return null;
    }

    /// <summary>A sum of money in whole cents: digits, then a comma or point and at most two decimals (20000, 20000,50); never a thousands separator, which would be read as decimals.</summary>
    public decimal? Amount(string name)
    {
        var value = Single(name);
        if (value.Length == 0)
        {
            return null;
        }

        if (AmountPattern().IsMatch(value)
            && decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }

        errors.Add(name, text["Form.BadAmount"]);
        return null;
    }

    public int? Number(string name)
    {
        var value = Single(name);
        if (value.Length == 0)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(name, text["Form.BadNumber"]);
        return null;
    }

    public bool Checked(string name) => Single(name) is "true" or "on";

    /// <summary>A confirmation box (<see cref="Shared.ConfirmBox"/>) that must be ticked; unticked, it is the form's error.</summary>
    public void RequireConfirmed(string name)
    {
        if (!Checked(name))
        {
            errors.Add(name, text["Form.Confirm"]);
        }
    }

    /// <summary>A required field that came empty gets its error (unless its value was refused already).</summary>
    public void Require(string name, object? value)
    {
        if (value is null && errors.For(name).Count == 0)
        {
            errors.Add(name, text["Form.Required"]);
        }
    }

    /// <summary>A field sent once, or not at all; sent twice, it is refused rather than joined ("a,b").</summary>
    private string Single(string name)
    {
        var values = form[name];
        if (values.Count > 1)
        {
            errors.Add(name, text["Form.Repeated"]);
            return string.Empty;
        }

        return values.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{1,16}([.,][0-9]{1,2})?$")]
    private static partial System.Text.RegularExpressions.Regex AmountPattern();
}
