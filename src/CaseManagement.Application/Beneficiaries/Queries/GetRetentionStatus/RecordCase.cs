using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Beneficiaries.Queries.GetRetentionStatus;

/// <summary>One of a person's cases, by id and dates only.</summary>
public sealed record RecordCase(Guid Id, CaseStatus Status, DateOnly OpenedOn, DateOnly? ClosedOn);
