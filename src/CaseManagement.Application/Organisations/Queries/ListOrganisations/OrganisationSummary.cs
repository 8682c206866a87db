namespace CaseManagement.Application.Organisations.Queries.ListOrganisations;

/// <summary>
/// A member organisation as the platform sees it, with the first administrator it invited while that
/// invitation is not yet accepted (the one account of the organisation the platform may send a new link).
/// </summary>
public sealed record OrganisationSummary(Guid Id, string Name, bool Disabled, DateTimeOffset CreatedAt, Guid? PendingAdminId, string? PendingAdminUserName);
