namespace CaseManagement.Application.Cases.Queries.GetTimeline;

/// <summary>
/// One event of a case's life. <paramref name="Detail"/> names the service type, note sensitivity
/// or legal stage; <paramref name="Text"/> is a note's content, for its readers only.
/// </summary>
public sealed record TimelineEntry(DateOnly Date, DateTimeOffset? At, TimelineEntryKind Kind, Guid SubjectId, string? Detail, string? Text);
