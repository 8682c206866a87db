using FluentValidation;

namespace CaseManagement.Application.Common.Validation;

/// <summary>
/// The fixed values a rule's message states ("between 1900-01-01 and today", "at most 10"), by name,
/// as the failure's custom state: the English message has them written in, and a translation (the
/// web pages') puts each into its own sentence where it says {Name}. Constants only, never the
/// submitted value.
/// </summary>
public static class MessageValues
{
    public static IRuleBuilderOptions<T, TProperty> WithMessageValues<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, params (string Name, object Value)[] values)
    {
        IReadOnlyDictionary<string, object> state = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return rule.WithState(_ => state);
    }
}
