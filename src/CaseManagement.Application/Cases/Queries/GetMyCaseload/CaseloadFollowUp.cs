namespace CaseManagement.Application.Cases.Queries.GetMyCaseload;

public sealed record CaseloadFollowUp(Guid Id, Guid CaseId, Guid EpisodeId, DateOnly DueOn);
