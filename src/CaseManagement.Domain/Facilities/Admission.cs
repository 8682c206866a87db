using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Facilities;

/// <summary>One stay of a beneficiary in a facility, within a residential service episode.</summary>
public sealed class Admission : IOrganisationOwned
{
    private Admission()
    {
    }

    /// <summary>Admits the case's beneficiary; <paramref name="currentResidents"/> are the facility's stays without discharge.</summary>
    public Admission(Guid id, Case @case, Guid episodeId, Facility facility, DateOnly admittedOn, int currentResidents)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(facility);
        if (facility.OrganisationId != @case.OrganisationId)
        {
            throw DomainException.Argument("admission.facility", "The facility belongs to another organisation.");
        }

        var episode = @case.DetailRecorded(episodeId, ServiceType.Residential);
        if (admittedOn < episode.StartDate)
        {
            throw DomainException.Argument("admission.before-start", "An admission cannot precede the start of its service.");
        }

        Id = id;
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        EpisodeId = episodeId;
        FacilityId = facility.Id;
        AdmittedOn = admittedOn;
        episode.Admit(this);
        facility.Admit(currentResidents);
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid FacilityId { get; private set; }

    public DateOnly AdmittedOn { get; private set; }

    public DateOnly? DischargedOn { get; private set; }

    internal void Discharge(DateOnly dischargedOn)
    {
        if (dischargedOn < AdmittedOn)
        {
            throw DomainException.Argument("admission.discharge-before-admission", "A discharge cannot precede the admission.");
        }

        DischargedOn = dischargedOn;
    }
}
