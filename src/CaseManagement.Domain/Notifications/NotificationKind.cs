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

    /// <summary>Another organisation referred someone to this one (to its coordinators).</summary>
    ReferralReceived = 4,

    /// <summary>A referral this organisation sent was accepted (to the sender's coordinators).</summary>
    ReferralAccepted = 5,

    ReferralDeclined = 6,

    /// <summary>The sender withdrew a referral (to the receiver's coordinators).</summary>
    ReferralWithdrawn = 7,

    /// <summary>A pending referral was not answered in time (to both sides' coordinators).</summary>
    ReferralExpired = 8,

    ReferralCompleted = 9,

    /// <summary>The receiver posted progress on a referral (to the sender's coordinators).</summary>
    ReferralUpdated = 10,

    /// <summary>The beneficiary withdrew the consent a received referral relied on: its shared data is gone.</summary>
    ReferralConsentWithdrawn = 11,
}
