using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Activities;

/// <summary>
/// A prevention campaign and how many people it reached: an aggregate, with no person in it. Its
/// name is encrypted all the same, since free text may name someone.
/// </summary>
public sealed class PreventionCampaign : IOrganisationOwned
{
    public const int MaxPeopleReached = 10_000_000;

    private PreventionCampaign()
    {
        Name = string.Empty;
    }

    public PreventionCampaign(Guid id, Guid organisationId, string name, DateOnly startsOn, DateOnly endsOn, CampaignChannel channel, int peopleReached, DateTimeOffset recordedAt)
    {
        if (id == Guid.Empty || organisationId == Guid.Empty)
        {
            throw DomainException.Argument("campaign.ids", "A campaign needs an id and an organisation.");
        }

        if (endsOn < startsOn)
        {
            throw DomainException.Argument("campaign.period", "A campaign cannot end before it starts.");
        }

        if (peopleReached is < 0 or > MaxPeopleReached)
        {
            throw DomainException.Argument("campaign.reached", "People reached is a count from 0 to ten million.");
        }

        Id = id;
        OrganisationId = organisationId;
        Name = name;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Channel = channel;
        PeopleReached = peopleReached;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    [PersonalData]
    public string Name { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public CampaignChannel Channel { get; private set; }

    public int PeopleReached { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
