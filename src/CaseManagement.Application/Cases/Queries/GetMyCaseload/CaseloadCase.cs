using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Queries.GetMyCaseload;

public sealed record CaseloadCase(Guid Id, CaseStatus Status, DateOnly OpenedOn, DateOnly LastActivityOn);
