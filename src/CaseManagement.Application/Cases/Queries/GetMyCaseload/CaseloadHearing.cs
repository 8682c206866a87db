namespace CaseManagement.Application.Cases.Queries.GetMyCaseload;

/// <summary>A coming hearing: its date for the case's social worker, and also its time for the lawyer, who reads the whole legal case.</summary>
public sealed record CaseloadHearing(Guid CaseId, Guid LegalCaseId, Guid HearingId, DateOnly Date, DateTimeOffset? ScheduledAt);
