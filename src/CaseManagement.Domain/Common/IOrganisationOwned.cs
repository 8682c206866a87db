namespace CaseManagement.Domain.Common;

/// <summary>A row that belongs to one member organisation (the tenant boundary).</summary>
public interface IOrganisationOwned
{
    Guid Id { get; }

    Guid OrganisationId { get; }
}
