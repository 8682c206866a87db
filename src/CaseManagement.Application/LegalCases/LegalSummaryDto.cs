using CaseManagement.Domain.LegalCases;

namespace CaseManagement.Application.LegalCases;

/// <summary>What the case's social worker may know of a legal case: no venue, file number, court, purpose or notes.</summary>
public sealed record LegalSummaryDto(Guid LegalCaseId, LegalStage Stage, ProceduralRole ProceduralRole, IReadOnlyList<ProtectiveMeasure> ProtectiveMeasures, DateOnly? NextHearingOn);
