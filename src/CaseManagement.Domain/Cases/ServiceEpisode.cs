using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Cases;

/// <summary>
/// One period of one service for one case. The fields common to the six service types live here;
/// each type's own details (shelter facility, repatriation route, …) will hang off this entity.
/// </summary>
public sealed class ServiceEpisode : IOrganisationOwned
{
    private ServiceEpisode()
    {
    }

    internal ServiceEpisode(Guid id, Guid organisationId, Guid caseId, ServiceType type, DateOnly startDate)
    {
        Id = id;
        OrganisationId = organisationId;
        CaseId = caseId;
        Type = type;
        StartDate = startDate;
        Status = EpisodeStatus.Ongoing;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public ServiceType Type { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public EpisodeStatus Status { get; private set; }

    /// <summary>Details of one service type hang only off an episode of that type.</summary>
    public void EnsureType(ServiceType type)
    {
        if (Type != type)
        {
            throw DomainException.State("service.wrong-type", "The service episode is of another type.");
        }
    }

    /// <summary>Details are recorded on an ongoing episode of their type (a closed case's episodes have all ended).</summary>
    public void EnsureTakesDetails(ServiceType type)
    {
        EnsureType(type);
        if (Status == EpisodeStatus.Ended)
        {
            throw DomainException.State("episode.ended", "The service episode has ended.");
        }
    }

    internal void End(DateOnly endDate)
    {
        if (Status == EpisodeStatus.Ended)
        {
            throw DomainException.State("episode.ended", "The service episode has already ended.");
        }

        if (endDate < StartDate)
        {
            throw DomainException.Argument("episode.end-before-start", "A service cannot end before it starts.");
        }

        EndDate = endDate;
        Status = EpisodeStatus.Ended;
    }
}
