namespace CaseManagement.Application.Cases.Queries.ListCaseWorkers;

/// <summary>A colleague who works cases, as a social worker needs to name them: an id and a user name, nothing else.</summary>
public sealed record CaseWorker(Guid Id, string UserName);
