using CaseManagement.Domain.Common;
using CaseManagement.Domain.Facilities;

namespace CaseManagement.Domain.Cases;

/// <summary>
/// One period of one service for one case. The fields common to the six service types live here;
/// each type's own details (shelter facility, repatriation route, …) will hang off this entity.
/// </summary>
public sealed class ServiceEpisode : IOrganisationOwned
{
    private readonly List<Admission> _admissions = [];

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

    /// <summary>A residential episode's stays; ending the episode discharges the open one.</summary>
    public IReadOnlyCollection<Admission> Admissions => _admissions;

    /// <summary>The open stay of a residential episode, if any.</summary>
    public Admission? OpenAdmission => _admissions.SingleOrDefault(a => a.DischargedOn is null);

    /// <summary>The earliest date the episode can end on: its start, or the admission of its open stay.</summary>
    internal DateOnly EarliestEnd => OpenAdmission is { } open && open.AdmittedOn > StartDate ? open.AdmittedOn : StartDate;

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

        if (endDate < EarliestEnd)
        {
            throw DomainException.Argument("episode.end-before-admission", "A residential service cannot end before its open admission.");
        }

        // Occupancy counts stays without a discharge, so a stay never outlives its episode.
        OpenAdmission?.Discharge(endDate);
        EndDate = endDate;
        Status = EpisodeStatus.Ended;
    }

    internal void Admit(Admission admission)
    {
        if (OpenAdmission is not null)
        {
            throw DomainException.State("admission.open", "The beneficiary is already admitted; discharge them first.");
        }

        _admissions.Add(admission);
    }

    /// <summary>Discharges the open stay.</summary>
    internal Admission Discharge(DateOnly dischargedOn)
    {
        var open = OpenAdmission ?? throw DomainException.State("admission.none", "The beneficiary is not admitted.");
        open.Discharge(dischargedOn);
        return open;
    }
}
