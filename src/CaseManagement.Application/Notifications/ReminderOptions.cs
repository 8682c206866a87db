namespace CaseManagement.Application.Notifications;

/// <summary>When reminders fall due (configuration section "Reminders").</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How many days before a hearing its lawyer and social worker are reminded, once for each.</summary>
    public IList<int> HearingDaysBefore { get; } = [];

    /// <summary>How long an open case may go without activity before its worker is asked to review it.</summary>
    public int CaseReviewAfterDays { get; set; } = 90;

    /// <summary>The days of <see cref="HearingDaysBefore"/>, or 7 and 1 when none are configured.</summary>
    public IReadOnlyList<int> HearingDays => HearingDaysBefore.Count > 0 ? [.. HearingDaysBefore.Distinct().Order()] : [1, 7];
}
