using CaseManagement.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Shared;

/// <summary>Names that come from data (a table's column, an audit entry's action): translated where a text exists, as they are otherwise.</summary>
public static class Labels
{
    public static string Of(IStringLocalizer<Text> text, string prefix, string name) =>
        text[$"{prefix}.{name}"] is { ResourceNotFound: false } found ? found : name;
}
