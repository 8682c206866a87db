namespace CaseManagement.Application.Statistics.Releases;

/// <summary>The rows of the platform's yearly table (seed, section 4), for any period. Null: suppressed.</summary>
public sealed record AnnualFigures(
    IReadOnlyList<ServiceFigure> Services,
    long? BeneficiariesAssisted,
    long PeopleReachedByCampaigns,
    long ProfessionalsTrained,
    IReadOnlyList<TrainedFigure> TrainedByCategory);
