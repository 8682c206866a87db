using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>
/// Dates for test records, counted from the host's clock (the system clock, or the fake clock of a
/// fixture that moves time), so that no test depends on the year it runs in.
/// </summary>
public static class TestDates
{
    public static DateOnly Today(this ApiFixture fixture) =>
        DateOnly.FromDateTime(fixture.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>The ISO date <paramref name="days"/> days before the host's today.</summary>
    public static string DaysAgo(this ApiFixture fixture, int days) => Iso(fixture.Today().AddDays(-days));

    /// <summary>The ISO date <paramref name="days"/> days after the host's today.</summary>
    public static string DaysAhead(this ApiFixture fixture, int days) => Iso(fixture.Today().AddDays(days));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
