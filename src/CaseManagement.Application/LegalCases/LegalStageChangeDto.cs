using CaseManagement.Domain.LegalCases;

namespace CaseManagement.Application.LegalCases;

public sealed record LegalStageChangeDto(LegalStage Stage, DateOnly Date, Guid RecordedBy);
