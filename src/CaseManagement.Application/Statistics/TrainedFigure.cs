using CaseManagement.Domain.Activities;

namespace CaseManagement.Application.Statistics;

/// <summary>Professionals of one category trained in the period.</summary>
public sealed record TrainedFigure(ProfessionalCategory Category, long People);
