namespace CaseManagement.Application.Statistics;

/// <summary>The unsuppressed figures of one period, already aggregated by the database.</summary>
public sealed record StatisticsInput(
    IReadOnlyList<PopulationCount> Populations,
    long PeopleReachedByCampaigns,
    IReadOnlyList<TrainedFigure> Trained,
    IReadOnlyList<OrganisationLabel> Organisations);
