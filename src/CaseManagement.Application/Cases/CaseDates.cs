using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Cases;

internal static class CaseDates
{
    /// <summary>No case, service or closure predates the first year identifications are recorded for.</summary>
    public static readonly DateOnly Earliest = new(Domain.Beneficiaries.Beneficiary.FirstYearOfIdentification, 1, 1);

    /// <summary>Today in UTC; Romanian local dates differ by at most a few hours at the edges.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Dates a little ahead of UTC today are accepted, so that local dates never bounce.</summary>
    public static DateOnly LatestAllowed(TimeProvider clock) => Today(clock).AddDays(1);

    /// <summary>A date of a case's life: from <see cref="Earliest"/> to today.</summary>
    public static IRuleBuilderOptions<T, DateOnly> CaseDate<T>(this IRuleBuilder<T, DateOnly> rule, TimeProvider clock) =>
        rule.NotEmpty().Must(d => d >= Earliest && d <= LatestAllowed(clock))
            .WithMessage($"The date must lie between {Earliest:yyyy-MM-dd} and today.")
            .WithErrorCode("Date.CaseDate").WithMessageValues(("Earliest", Earliest));

    /// <summary>An optional date of a case's life: absent, or from <see cref="Earliest"/> to today.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> CaseDate<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock) =>
        rule.Must(d => d is null || (d >= Earliest && d <= LatestAllowed(clock)))
            .WithMessage($"The date must lie between {Earliest:yyyy-MM-dd} and today.")
            .WithErrorCode("Date.CaseDate").WithMessageValues(("Earliest", Earliest));
}
