namespace CaseManagement.Application.Organisations.Queries.ListOrganisations;

/// <summary>A member organisation as the platform sees it.</summary>
public sealed record OrganisationSummary(Guid Id, string Name, bool Disabled, DateTimeOffset CreatedAt);
