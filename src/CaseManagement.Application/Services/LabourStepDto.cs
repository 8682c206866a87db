using CaseManagement.Domain.Services;

namespace CaseManagement.Application.Services;

public sealed record LabourStepDto(Guid Id, Guid EpisodeId, LabourStepKind Kind, DateOnly Date, string Title, string? EmployerName, LabourStepOutcome? Outcome, DateOnly? OutcomeOn)
{
    internal static LabourStepDto From(LabourStep s) => new(s.Id, s.EpisodeId, s.Kind, s.Date, s.Title, s.EmployerName, s.Outcome, s.OutcomeOn);
}
