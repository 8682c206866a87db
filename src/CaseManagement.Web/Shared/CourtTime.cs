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

    /// <summary>
    /// The instant of a day and hour as a lawyer types it in Romania; null for an hour the clocks skip
    /// (the spring change). An hour the autumn change repeats is taken as the standard (winter) one.
    /// </summary>
    public static DateTimeOffset? At(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return Romania.IsInvalidTime(unspecified) ? null : new DateTimeOffset(unspecified, Romania.GetUtcOffset(unspecified));
    }

    /// <summary>An instant as a <c>datetime-local</c> field shows it: Romania's day and hour.</summary>
    public static string Field(DateTimeOffset at) => Of(at).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo Find() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Bucharest", out var zone) ? zone : TimeZoneInfo.Utc;
}
