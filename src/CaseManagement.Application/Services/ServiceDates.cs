using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Services;

/// <summary>Dates that lie ahead (targets, follow-ups): bounded, so that a typo such as 2992 is refused.</summary>
internal static class ServiceDates
{
    public const int HorizonYears = 5;

    public static DateOnly Horizon(TimeProvider clock) => CaseDates.Today(clock).AddYears(HorizonYears);

    /// <summary>An optional target: any date of the case's life up to five years ahead.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PlanningDate<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock) =>
        rule.Must(d => d is null || (d >= CaseDates.Earliest && d <= Horizon(clock)))
            .WithMessage($"The date must lie between {CaseDates.Earliest:yyyy-MM-dd} and {HorizonYears} years from today.")
            .WithErrorCode("Date.Planning").WithMessageValues(("Earliest", CaseDates.Earliest), ("Years", HorizonYears));

    /// <summary>A date to come: from today to five years ahead.</summary>
    public static IRuleBuilderOptions<T, DateOnly> UpcomingDate<T>(this IRuleBuilder<T, DateOnly> rule, TimeProvider clock) =>
        rule.Must(d => d >= CaseDates.Today(clock) && d <= Horizon(clock))
            .WithMessage($"The date must lie between today and {HorizonYears} years from today.")
            .WithErrorCode("Date.Upcoming").WithMessageValues(("Years", HorizonYears));
}
