namespace CaseManagement.Application.Cases.Queries.GetMyCaseload;

/// <summary>
/// What needs the caller's attention, by id and date only: the open cases assigned to them, the
/// hearings coming up on their cases or legal cases, follow-ups overdue, and cases gone quiet.
/// </summary>
public sealed record MyCaseload(
    IReadOnlyList<CaseloadCase> Cases,
    IReadOnlyList<CaseloadHearing> UpcomingHearings,
    IReadOnlyList<CaseloadFollowUp> OverdueFollowUps,
    IReadOnlyList<CaseloadCase> QuietCases);
