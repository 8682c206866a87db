using CaseManagement.Domain.Services;

namespace CaseManagement.Application.Services;

public sealed record RepatriationStepDto(RepatriationStatus Status, DateOnly Date);
