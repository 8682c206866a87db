namespace CaseManagement.Application.Statistics;

/// <summary>A member organisation as a column of the breakdown by organisation: member NGOs are public.</summary>
public sealed record OrganisationLabel(Guid Id, string Name);
