using CaseManagement.Domain.Common;
using CaseManagement.Domain.Facilities;

namespace CaseManagement.Domain.Cases;

/// <summary>One beneficiary's file at one organisation, and the aggregate root of its services.</summary>
public sealed class Case : IOrganisationOwned, IVersioned
{
    private readonly List<ServiceEpisode> _episodes = [];

    private Case()
    {
    }

    public Case(Guid id, Guid organisationId, Guid beneficiaryId, DateOnly openedOn, Guid? assignedWorkerId)
    {
        if (id == Guid.Empty || organisationId == Guid.Empty || beneficiaryId == Guid.Empty)
        {
            throw DomainException.Argument("case.ids", "A case needs an id, an organisation and a beneficiary.");
        }

        Id = id;
        OrganisationId = organisationId;
        BeneficiaryId = beneficiaryId;
        OpenedOn = openedOn;
        Status = CaseStatus.New;
        LastActivityOn = openedOn;
        if (assignedWorkerId is { } worker)
        {
            AssignedWorkerId = RequireWorker(worker);
            Status = CaseStatus.Active;
        }
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid BeneficiaryId { get; private set; }

    public int Version { get; private set; }

    public CaseStatus Status { get; private set; }

    public Guid? AssignedWorkerId { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>
    /// The day anything was last recorded on the case or its records (persistence keeps it, on
    /// every save that touches them): what the case-review reminder measures quiet spells by.
    /// </summary>
    public DateOnly LastActivityOn { get; private set; }

    public ClosureReason? ClosureReason { get; private set; }

    /// <summary>Free text about the closure; may describe the person, so it is encrypted.</summary>
    [PersonalData(FreeText = true)]
    public string? ClosureNote { get; private set; }

    public IReadOnlyCollection<ServiceEpisode> Episodes => _episodes;

    public void Assign(Guid workerId)
    {
        EnsureOpen();
        AssignedWorkerId = RequireWorker(workerId);
        Activate();
        Version++;
    }

    public ServiceEpisode StartEpisode(Guid episodeId, ServiceType type, DateOnly startDate)
    {
        EnsureOpen();
        if (startDate < OpenedOn)
        {
            throw DomainException.Argument("episode.before-case", "A service cannot start before the case was opened.");
        }

        var episode = new ServiceEpisode(episodeId, OrganisationId, Id, type, startDate);
        _episodes.Add(episode);
        Activate();
        Version++;
        return episode;
    }

    public ServiceEpisode EndEpisode(Guid episodeId, DateOnly endDate)
    {
        var episode = _episodes.SingleOrDefault(e => e.Id == episodeId)
            ?? throw DomainException.Argument("episode.unknown", "The service episode does not belong to this case.");
        episode.End(endDate);
        Version++;
        return episode;
    }

    /// <summary>Closes the case; ongoing services end on the closing date.</summary>
    public void Close(ClosureReason reason, string? note, DateOnly closedOn)
    {
        EnsureOpen();
        if (!Enum.IsDefined(reason))
        {
            throw DomainException.Argument("case.closure-reason", "A closed case needs a closure reason.");
        }

        if (closedOn < OpenedOn)
        {
            throw DomainException.Argument("case.closed-before-opened", "A case cannot close before it opened.");
        }

        foreach (var episode in _episodes.Where(e => e.Status == EpisodeStatus.Ongoing))
        {
            episode.End(closedOn < episode.EarliestEnd ? episode.EarliestEnd : closedOn);
        }

        Status = CaseStatus.Closed;
        ClosedOn = closedOn;
        ClosureReason = reason;
        ClosureNote = note;
        Version++;
    }

    public void Reopen()
    {
        if (Status != CaseStatus.Closed)
        {
            throw DomainException.State("case.not-closed", "Only a closed case can be reopened.");
        }

        Status = CaseStatus.Active;
        ClosedOn = null;
        ClosureReason = null;
        ClosureNote = null;
        Version++;
    }

    private static Guid RequireWorker(Guid workerId) => workerId != Guid.Empty
        ? workerId
        : throw DomainException.Argument("case.worker", "A case is assigned to a worker.");

    /// <summary>
    /// Moves the case to another beneficiary record of the same organisation: used once, when a
    /// referral's receiver finds the referred person already on file.
    /// </summary>
    public void MoveTo(Guid beneficiaryId)
    {
        if (beneficiaryId == Guid.Empty)
        {
            throw DomainException.Argument("case.ids", "A case needs a beneficiary.");
        }

        BeneficiaryId = beneficiaryId;
        Version++;
    }

    public void EnsureOpen()
    {
        if (Status == CaseStatus.Closed)
        {
            throw DomainException.State("case.closed", "The case is closed.");
        }
    }

    /// <summary>
    /// Records that a note was written. The case's version moves, so that a note and a closure
    /// racing each other cannot both succeed: the case row is the lock.
    /// </summary>
    internal void NoteAdded()
    {
        EnsureOpen();
        Version++;
    }

    /// <summary>
    /// Records that a detail of one of its episodes (an admission, an attendance, a repatriation
    /// step, a goal, a follow-up, a session, …) was written: the episode must be ongoing and of <paramref name="type"/>, and the
    /// case open. The version moves, so that the detail and a concurrent end or closure cannot
    /// both succeed.
    /// </summary>
    public ServiceEpisode DetailRecorded(Guid episodeId, ServiceType type)
    {
        EnsureOpen();
        var episode = _episodes.SingleOrDefault(e => e.Id == episodeId)
            ?? throw DomainException.Argument("episode.unknown", "The service episode does not belong to this case.");
        episode.EnsureTakesDetails(type);
        Version++;
        return episode;
    }

    /// <summary>Discharges the open stay of a residential episode.</summary>
    public Admission Discharge(Guid episodeId, DateOnly dischargedOn) =>
        DetailRecorded(episodeId, ServiceType.Residential).Discharge(dischargedOn);

    /// <summary>A new case becomes active with its first worker or service.</summary>
    private void Activate()
    {
        if (Status == CaseStatus.New)
        {
            Status = CaseStatus.Active;
        }
    }
}
