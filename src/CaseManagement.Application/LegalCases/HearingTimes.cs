using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.LegalCases;

internal static class HearingTimes
{
    /// <summary>How far ahead a court may set a hearing; beyond it, the date is a typing error.</summary>
    public const int MaxYearsAhead = 5;

    /// <summary>A hearing's date and time: from <see cref="CaseDates.Earliest"/> to a few years ahead.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> HearingTime<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock) =>
        rule.Must(at => at is null || (DateOnly.FromDateTime(at.Value.UtcDateTime) >= CaseDates.Earliest && at.Value <= clock.GetUtcNow().AddYears(MaxYearsAhead)))
            .WithMessage($"A hearing lies between {CaseDates.Earliest:yyyy-MM-dd} and {MaxYearsAhead} years from now.")
            .WithErrorCode("Date.Hearing").WithMessageValues(("Earliest", CaseDates.Earliest), ("Years", MaxYearsAhead));
}
