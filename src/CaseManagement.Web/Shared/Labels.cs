using CaseManagement.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Shared;

/// <summary>Names that come from data (an enum's, a table's column, an audit entry's action) in the page's language.</summary>
public static class Labels
{
    public static string Of(IStringLocalizer<Text> text, string prefix, string name) =>
        text[$"{prefix}.{name}"] is { ResourceNotFound: false } found ? found : name;

    /// <summary>An enum's names in the page's language, as a list: "Adăpost (rezidențial), Consiliere".</summary>
    public static string List<TEnum>(IStringLocalizer<Text> text, IEnumerable<TEnum> values)
        where TEnum : struct, Enum =>
        string.Join(", ", values.Select(value => text[$"{typeof(TEnum).Name}.{value}"].Value));

    /// <summary>Organisation roles in the page's language, as a list.</summary>
    public static string Roles(IStringLocalizer<Text> text, IEnumerable<string> roles) =>
        string.Join(", ", roles.Select(role => text[$"Role.{role}"].Value));
}
