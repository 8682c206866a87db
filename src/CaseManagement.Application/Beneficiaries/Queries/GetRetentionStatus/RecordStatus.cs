using CaseManagement.Domain.Beneficiaries;

namespace CaseManagement.Application.Beneficiaries.Queries.GetRetentionStatus;

/// <summary>
/// A person's record as an administrator checks it before acting on a request: its retention
/// state, and its cases by id and dates, to confirm with the social worker that it is the right
/// person. No personal field.
/// </summary>
public sealed record RecordStatus(
    Guid BeneficiaryId, int Version, LegalHoldReason? LegalHold, DateTimeOffset? LegalHoldSince, DateTimeOffset? AnonymisedAt, IReadOnlyList<RecordCase> Cases);
