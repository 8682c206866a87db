using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Facilities;

/// <summary>
/// A shelter of the organisation and its places. Its name and address reveal a secret location,
/// so both are encrypted. Admissions move its version: the facility row is the lock that keeps
/// two admissions racing for its last place from both succeeding.
/// </summary>
public sealed class Facility : IOrganisationOwned, IVersioned
{
    public const int MaxPlaces = 500;

    private Facility()
    {
        Name = string.Empty;
    }

    public Facility(Guid id, Guid organisationId, string name, string? address, int places)
        : this()
    {
        if (id == Guid.Empty || organisationId == Guid.Empty)
        {
            throw DomainException.Argument("facility.ids", "A facility needs an id and an organisation.");
        }

        Id = id;
        OrganisationId = organisationId;
        Active = true;
        Describe(name, address, places);
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Version { get; private set; }

    [PersonalData]
    public string Name { get; private set; }

    [PersonalData(FreeText = true)]
    public string? Address { get; private set; }

    public int Places { get; private set; }

    public bool Active { get; private set; }

    /// <summary>Changes the facility; its places never drop below the residents it holds now.</summary>
    public void Update(string name, string? address, int places, bool active, int currentResidents)
    {
        if (places < currentResidents)
        {
            throw DomainException.State("facility.below-occupancy", "A facility cannot have fewer places than its current residents.");
        }

        Describe(name, address, places);
        Active = active;
        Version++;
    }

    /// <summary>Takes one place; the version moves so that a concurrent admission to the same facility fails.</summary>
    internal void Admit(int currentResidents)
    {
        if (!Active)
        {
            throw DomainException.State("facility.inactive", "The facility no longer takes admissions.");
        }

        if (currentResidents >= Places)
        {
            throw DomainException.State("facility.full", "Every place of the facility is taken.");
        }

        Version++;
    }

    private void Describe(string name, string? address, int places)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw DomainException.Argument("facility.name", "A facility needs a name.");
        }

        if (places is < 1 or > MaxPlaces)
        {
            throw DomainException.Argument("facility.places", "A facility has between 1 and 500 places.");
        }

        Name = name;
        Address = address;
        Places = places;
    }
}
