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
}
