using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Services;

/// <summary>
/// The journey home of one repatriation episode: its route, partner body, travel dates, and the
/// steps taken so far (kept as history). Countries stay in clear, as coarse as the beneficiary's
/// country of exploitation; the partner's name and contact are encrypted.
/// </summary>
public sealed class Repatriation : IOrganisationOwned, IVersioned
{
    private readonly List<RepatriationStatusChange> _history = [];

    private Repatriation()
    {
        FromCountry = ToCountry = PartnerName = string.Empty;
    }

    /// <summary>A new repatriation is requested on the day its service started.</summary>
    public Repatriation(Guid id, Case @case, Guid episodeId, RepatriationRoute route, Guid historyId)
        : this()
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(route);
        var episode = @case.DetailRecorded(episodeId, ServiceType.Repatriation);
        Id = id;
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        EpisodeId = episodeId;
        Status = RepatriationStatus.Requested;
        Route(route);
        _history.Add(new RepatriationStatusChange(historyId, OrganisationId, Id, Status, episode.StartDate));
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public int Version { get; private set; }

    public string FromCountry { get; private set; }

    public string ToCountry { get; private set; }

    public PartnerKind PartnerKind { get; private set; }

    [PersonalData]
    public string PartnerName { get; private set; }

    [PersonalData]
    public string? PartnerContact { get; private set; }

    public DateOnly? PlannedTravelOn { get; private set; }

    public DateOnly? ActualTravelOn { get; private set; }

    public RepatriationStatus Status { get; private set; }

    public IReadOnlyCollection<RepatriationStatusChange> History => _history;

    public void Update(Case @case, RepatriationRoute route)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(route);
        @case.DetailRecorded(EpisodeId, ServiceType.Repatriation);
        if (route.ActualTravelOn is null && Status >= RepatriationStatus.Returned)
        {
            throw DomainException.State("repatriation.travel-date-required", "A returned beneficiary's actual travel date cannot be removed.");
        }

        Route(route);
        Version++;
    }

    /// <summary>Takes the next step, on a date no earlier than the last one; returning needs the actual travel date.</summary>
    public void Advance(Case @case, RepatriationStatus status, DateOnly date, DateOnly? actualTravelOn, Guid historyId)
    {
        ArgumentNullException.ThrowIfNull(@case);
        @case.DetailRecorded(EpisodeId, ServiceType.Repatriation);
        if (!Enum.IsDefined(status) || status != Status + 1)
        {
            throw DomainException.State("repatriation.status-order", "A repatriation moves forward one step at a time.");
        }

        if (date < _history.Max(h => h.Date))
        {
            throw DomainException.Argument("repatriation.status-date", "A step cannot be dated before the previous one.");
        }

        var travelled = actualTravelOn ?? ActualTravelOn;
        if (status == RepatriationStatus.Returned && travelled is null)
        {
            throw DomainException.Argument("repatriation.travel-date-required", "Record the actual travel date before the return.");
        }

        ActualTravelOn = travelled;
        Status = status;
        _history.Add(new RepatriationStatusChange(historyId, OrganisationId, Id, status, date));
        Version++;
    }

    private void Route(RepatriationRoute route)
    {
        if (string.Equals(route.FromCountry, route.ToCountry, StringComparison.OrdinalIgnoreCase))
        {
            throw DomainException.Argument("repatriation.same-country", "A repatriation goes from one country to another.");
        }

        if (!Enum.IsDefined(route.PartnerKind))
        {
            throw DomainException.Argument("repatriation.partner-kind", "Unknown partner kind.");
        }

        if (string.IsNullOrWhiteSpace(route.PartnerName))
        {
            throw DomainException.Argument("repatriation.partner-name", "Name the partner body.");
        }

        FromCountry = route.FromCountry.ToUpperInvariant();
        ToCountry = route.ToCountry.ToUpperInvariant();
        PartnerKind = route.PartnerKind;
        PartnerName = route.PartnerName;
        PartnerContact = route.PartnerContact;
        PlannedTravelOn = route.PlannedTravelOn;
        ActualTravelOn = route.ActualTravelOn;
    }
}
