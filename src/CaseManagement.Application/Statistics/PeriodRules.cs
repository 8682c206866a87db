using CaseManagement.Domain.Statistics;
using FluentValidation;

namespace CaseManagement.Application.Statistics;

internal static class PeriodRules
{
    public const string Message = "Statistics cover a calendar month (2025-03), quarter (2025-Q1) or year (2025); other ranges are not published.";

    public static IRuleBuilderOptions<T, string> MustBePeriod<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(p => StatisticsPeriod.TryParse(p, out _)).WithMessage(Message).WithErrorCode("Statistics.Period");

    public static StatisticsPeriod Parse(string text) =>
        StatisticsPeriod.TryParse(text, out var period) ? period : throw new ArgumentException(Message, nameof(text));
}
