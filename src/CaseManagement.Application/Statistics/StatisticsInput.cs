namespace CaseManagement.Application.Statistics;

/// <summary>
/// The unsuppressed figures of one period, already aggregated by the database, and the number of
/// distinct people assisted once a person served by two organisations counts once (by the
/// platform pseudonym; records without one each count as a person).
/// </summary>
public sealed record StatisticsInput(
    IReadOnlyList<PopulationCount> Populations,
    long PeopleReachedByCampaigns,
    IReadOnlyList<TrainedFigure> Trained,
    IReadOnlyList<OrganisationLabel> Organisations,
    long DeduplicatedAssisted = 0);
