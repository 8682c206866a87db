using CaseManagement.Domain.Beneficiaries;

namespace CaseManagement.Application.Beneficiaries.Retention;

/// <summary>Where a person's record stands against retention: held, erased, or neither.</summary>
public sealed record RetentionStatusDto(Guid BeneficiaryId, int Version, LegalHoldReason? LegalHold, DateTimeOffset? LegalHoldSince, DateTimeOffset? AnonymisedAt)
{
    internal static RetentionStatusDto From(Beneficiary b) => new(b.Id, b.Version, b.LegalHold, b.LegalHoldSince, b.AnonymisedAt);
}
