using System.Globalization;
using FluentValidation.Resources;

namespace CaseManagement.Application.Common.Validation;

/// <summary>
/// FluentValidation's stock messages quote the submitted value ("You entered 1850."), which may
/// be personal data, and problems are returned and logged. This removes every such placeholder.
/// </summary>
internal sealed class SafeLanguageManager : LanguageManager
{
    public override string GetString(string key, CultureInfo? culture = null) =>
        base.GetString(key, culture)
            .Replace(" You entered {PropertyValue}.", string.Empty, StringComparison.Ordinal)
            .Replace("'{PropertyValue}'", "the value", StringComparison.Ordinal)
            .Replace("{PropertyValue}", "the value", StringComparison.Ordinal);
}
