using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Services;

/// <summary>
/// A step towards work: a course, a qualification or a job placement. The course name or job title
/// and the employer can point to where the person is found, so both are encrypted.
/// </summary>
public sealed class LabourStep : IOrganisationOwned
{
    private LabourStep()
    {
        Title = string.Empty;
    }

    public LabourStep(Guid id, ServiceEpisode episode, LabourStepKind kind, DateOnly date, string title, string? employerName)
        : this()
    {
        ArgumentNullException.ThrowIfNull(episode);
        episode.EnsureTakesDetails(ServiceType.Reintegration);
        if (!Enum.IsDefined(kind) || string.IsNullOrWhiteSpace(title))
        {
            throw DomainException.Argument("labour-step.kind", "A labour-market step needs a kind and a title.");
        }

        if ((kind == LabourStepKind.JobPlacement) != !string.IsNullOrWhiteSpace(employerName))
        {
            throw DomainException.Argument("labour-step.employer", "A job placement names its employer; a course or qualification does not.");
        }

        if (date < episode.StartDate)
        {
            throw DomainException.Argument("labour-step.before-episode", "A step cannot precede the service.");
        }

        Id = id;
        OrganisationId = episode.OrganisationId;
        CaseId = episode.CaseId;
        EpisodeId = episode.Id;
        Kind = kind;
        Date = date;
        Title = title;
        EmployerName = employerName;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public LabourStepKind Kind { get; private set; }

    public DateOnly Date { get; private set; }

    [PersonalData]
    public string Title { get; private set; }

    [PersonalData]
    public string? EmployerName { get; private set; }

    public LabourStepOutcome? Outcome { get; private set; }

    public DateOnly? OutcomeOn { get; private set; }

    /// <summary>The outcomes a kind of step can have.</summary>
    public static bool Fits(LabourStepKind kind, LabourStepOutcome outcome) => kind switch
    {
        LabourStepKind.Course => outcome is LabourStepOutcome.Completed or LabourStepOutcome.Dropped,
        LabourStepKind.Qualification => outcome is LabourStepOutcome.Obtained or LabourStepOutcome.NotObtained,
        LabourStepKind.JobPlacement => outcome is LabourStepOutcome.StillEmployed or LabourStepOutcome.LeftJob or LabourStepOutcome.Dismissed or LabourStepOutcome.ContractEnded,
        _ => false,
    };

    /// <summary>
    /// Records how the step turned out. An outcome is final, except that a placement still held may
    /// later end (left, dismissed, contract ended).
    /// </summary>
    public void RecordOutcome(ServiceEpisode episode, LabourStepOutcome outcome, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(episode);
        if (!Fits(Kind, outcome))
        {
            throw DomainException.Argument("labour-step.outcome-kind", "The outcome does not fit this kind of step.");
        }

        episode.EnsureTakesDetails(ServiceType.Reintegration);
        if (Outcome is { } current && (current != LabourStepOutcome.StillEmployed || outcome == LabourStepOutcome.StillEmployed))
        {
            throw DomainException.State("labour-step.outcome-final", "The step's outcome is already recorded.");
        }

        if (on < (OutcomeOn ?? Date))
        {
            throw DomainException.Argument("labour-step.outcome-date", "An outcome cannot precede the step or its previous outcome.");
        }

        Outcome = outcome;
        OutcomeOn = on;
    }
}
