namespace CaseManagement.Domain.Notifications;

/// <summary>What a reminder is about. A notification holds ids and dates only, never personal data.</summary>
public enum NotificationKind
{
    /// <summary>A hearing of a legal case is coming up.</summary>
    HearingReminder = 1,

    /// <summary>A reintegration follow-up is due and not done.</summary>
    FollowUpDue = 2,

    /// <summary>An open case has had no activity for the review period.</summary>
    CaseReview = 3,
}
