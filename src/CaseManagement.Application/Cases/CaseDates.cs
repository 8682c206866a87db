namespace CaseManagement.Application.Cases;

internal static class CaseDates
{
    /// <summary>Today in UTC; Romanian local dates differ by at most a few hours at the edges.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Dates a little ahead of UTC today are accepted, so that local dates never bounce.</summary>
    public static DateOnly LatestAllowed(TimeProvider clock) => Today(clock).AddDays(1);
}
