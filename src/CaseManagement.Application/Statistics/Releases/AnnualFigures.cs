namespace CaseManagement.Application.Statistics.Releases;

/// <summary>
/// The rows of the platform's yearly table (seed, section 4), for any period. Null: suppressed.
/// <see cref="BeneficiariesAssisted"/> sums over organisations; <see cref="BeneficiariesAssistedDeduplicated"/>
/// counts a person served by two organisations once.
/// </summary>
public sealed record AnnualFigures(
    IReadOnlyList<ServiceFigure> Services,
    long? BeneficiariesAssisted,
    long? BeneficiariesAssistedDeduplicated,
    long PeopleReachedByCampaigns,
    long ProfessionalsTrained,
    IReadOnlyList<TrainedFigure> TrainedByCategory);
