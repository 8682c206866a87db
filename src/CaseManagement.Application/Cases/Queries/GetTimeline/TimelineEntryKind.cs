namespace CaseManagement.Application.Cases.Queries.GetTimeline;

public enum TimelineEntryKind
{
    CaseOpened = 1,
    CaseClosed = 2,
    ServiceStarted = 3,
    ServiceEnded = 4,
    Note = 5,
    LegalStageChanged = 6,
    Hearing = 7,

    /// <summary>This case's beneficiary was referred to another organisation (detail: the status it has now).</summary>
    ReferralSent = 8,

    /// <summary>The referral was accepted, declined, withdrawn or expired (detail: which), or completed.</summary>
    ReferralStatusChanged = 9,

    /// <summary>The receiving organisation's news of the person (detail: the kind, and the service if any).</summary>
    ReferralUpdate = 10,

    /// <summary>This case was opened by accepting another organisation's referral.</summary>
    ReferralAccepted = 11,
}
