using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.LegalCases;

/// <summary>
/// A criminal procedure in which the organisation's lawyer assists the beneficiary of a case. The
/// venue and the file number identify the victim's file, so they are encrypted; the stage, the
/// procedural role and the measures stay in clear for statistics and summaries.
/// </summary>
public sealed class LegalCase : IOrganisationOwned, IVersioned
{
    private readonly List<LegalStageChange> _stageChanges = [];

    /// <summary>The protective measures as a set of bits (see <see cref="ProtectiveMeasure"/>).</summary>
    private int _protectiveMeasures;

    private LegalCase()
    {
        VenueName = string.Empty;
        FileNumber = string.Empty;
        OffenceCategory = string.Empty;
    }

    public LegalCase(Guid id, Case @case, ServiceEpisode? episode, Guid lawyerId, LegalCaseDetails details, (Guid ChangeId, LegalStage Stage) first, DateOnly openedOn)
        : this()
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (id == Guid.Empty || lawyerId == Guid.Empty)
        {
            throw DomainException.Argument("legal.ids", "A legal case needs an id and a lawyer.");
        }

        if (@case.Status == CaseStatus.Closed)
        {
            throw DomainException.State("case.closed", "The case is closed.");
        }

        Id = id;
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        AssignedLawyerId = lawyerId;
        OpenedOn = openedOn;
        Link(episode);
        Apply(details);
        if (!Enum.IsDefined(first.Stage))
        {
            throw DomainException.Argument("legal.stage", "Unknown stage.");
        }

        // The procedure's first known stage, reached on the day the legal case is opened.
        Stage = first.Stage;
        _stageChanges.Add(new LegalStageChange(first.ChangeId, this, first.Stage, openedOn, lawyerId));
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid? ServiceEpisodeId { get; private set; }

    public int Version { get; private set; }

    public Guid AssignedLawyerId { get; private set; }

    public VenueKind VenueKind { get; private set; }

    [PersonalData]
    public string VenueName { get; private set; }

    /// <summary>The file's number at the prosecutors' office or court: it identifies the victim's file.</summary>
    [PersonalData]
    public string FileNumber { get; private set; }

    /// <summary>A code from the configured list of offence categories.</summary>
    public string OffenceCategory { get; private set; }

    public LegalStage Stage { get; private set; }

    public ProceduralRole ProceduralRole { get; private set; }

    public IReadOnlyList<ProtectiveMeasure> ProtectiveMeasures =>
        [.. Enum.GetValues<ProtectiveMeasure>().Where(m => (_protectiveMeasures & (int)m) != 0)];

    public decimal? AmountClaimed { get; private set; }

    public decimal? AmountAwarded { get; private set; }

    public decimal? AmountPaid { get; private set; }

    public string? Currency { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    /// <summary>The stages reached, oldest first; the last is <see cref="Stage"/>.</summary>
    public IReadOnlyCollection<LegalStageChange> StageChanges => _stageChanges;

    public void Update(LegalCaseDetails details, ServiceEpisode? episode, Guid lawyerId)
    {
        if (lawyerId == Guid.Empty)
        {
            throw DomainException.Argument("legal.ids", "A legal case needs a lawyer.");
        }

        Link(episode);
        Apply(details);
        AssignedLawyerId = lawyerId;
        Version++;
    }

    /// <summary>
    /// Records that the procedure reached <paramref name="stage"/> on <paramref name="date"/>.
    /// Stages only move forward (one may be skipped, e.g. when nobody appeals), and never date
    /// before the previous change.
    /// </summary>
    public LegalStageChange ChangeStage(Guid changeId, LegalStage stage, DateOnly date, Guid recordedBy)
    {
        if (!Enum.IsDefined(stage))
        {
            throw DomainException.Argument("legal.stage", "Unknown stage.");
        }

        if (stage <= Stage)
        {
            throw DomainException.State("legal.stage-order", "A legal case only moves forward to a later stage.");
        }

        if (_stageChanges.Count > 0 && date < _stageChanges.Max(c => c.Date))
        {
            throw DomainException.Argument("legal.stage-date", "A stage cannot be reached before the previous one.");
        }

        var change = new LegalStageChange(changeId, this, stage, date, recordedBy);
        _stageChanges.Add(change);
        Stage = stage;
        Version++;
        return change;
    }

    /// <summary>Only an episode of criminal-procedure assistance of the same case may be linked.</summary>
    private void Link(ServiceEpisode? episode)
    {
        if (episode is not null && episode.CaseId != CaseId)
        {
            throw DomainException.Argument("legal.episode-case", "The service episode belongs to another case.");
        }

        if (episode is not null && episode.Type != ServiceType.CriminalProcedureAssistance)
        {
            throw DomainException.State("legal.episode-type", "Only an episode of criminal-procedure assistance can be linked to a legal case.");
        }

        ServiceEpisodeId = episode?.Id;
    }

    private void Apply(LegalCaseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (string.IsNullOrWhiteSpace(details.VenueName) || string.IsNullOrWhiteSpace(details.FileNumber) || string.IsNullOrWhiteSpace(details.OffenceCategory))
        {
            throw DomainException.Argument("legal.details", "A legal case needs a venue, a file number and an offence category.");
        }

        if (!Enum.IsDefined(details.VenueKind) || !Enum.IsDefined(details.ProceduralRole) || !details.ProtectiveMeasures.All(Enum.IsDefined))
        {
            throw DomainException.Argument("legal.details", "Unknown venue, procedural role or protective measure.");
        }

        details.Claim.EnsureValid();
        VenueKind = details.VenueKind;
        VenueName = details.VenueName;
        FileNumber = details.FileNumber;
        OffenceCategory = details.OffenceCategory;
        ProceduralRole = details.ProceduralRole;
        _protectiveMeasures = details.ProtectiveMeasures.Aggregate(0, (bits, m) => bits | (int)m);
        AmountClaimed = details.Claim.AmountClaimed;
        AmountAwarded = details.Claim.AmountAwarded;
        AmountPaid = details.Claim.AmountPaid;
        Currency = details.Claim.Currency;
    }
}
