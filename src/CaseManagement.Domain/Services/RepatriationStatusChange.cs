using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Services;

/// <summary>One step of a repatriation and the date it was reached.</summary>
public sealed class RepatriationStatusChange : IOrganisationOwned
{
    private RepatriationStatusChange()
    {
    }

    internal RepatriationStatusChange(Guid id, Guid organisationId, Guid repatriationId, RepatriationStatus status, DateOnly date)
    {
        Id = id;
        OrganisationId = organisationId;
        RepatriationId = repatriationId;
        Status = status;
        Date = date;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid RepatriationId { get; private set; }

    public RepatriationStatus Status { get; private set; }

    public DateOnly Date { get; private set; }
}
