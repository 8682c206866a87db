namespace CaseManagement.Web.Shared;

/// <summary>
/// Hearings are stored as instants; the courts, and the people going to them, are in Romania, so
/// a hearing's day and hour are shown in Romania's time, whatever the server's zone.
/// </summary>
public static class CourtTime
{
    private static readonly TimeZoneInfo Romania = Find();

    public static DateTimeOffset Of(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Romania);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Of(at).DateTime);

    private static TimeZoneInfo Find() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Bucharest", out var zone) ? zone : TimeZoneInfo.Utc;
}
