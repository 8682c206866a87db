using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Services;

/// <summary>
/// A date on which the worker checks how the person is doing after a reintegration step. A plain
/// table on purpose: the reminder job scans it by (organisation, due date, done date).
/// </summary>
public sealed class FollowUp : IOrganisationOwned
{
    private FollowUp()
    {
    }

    public FollowUp(Guid id, ServiceEpisode episode, DateOnly dueOn, string? purpose)
    {
        ArgumentNullException.ThrowIfNull(episode);
        episode.EnsureTakesDetails(ServiceType.Reintegration);
        if (dueOn < episode.StartDate)
        {
            throw DomainException.Argument("follow-up.before-episode", "A follow-up cannot precede the service.");
        }

        Id = id;
        OrganisationId = episode.OrganisationId;
        CaseId = episode.CaseId;
        EpisodeId = episode.Id;
        DueOn = dueOn;
        Purpose = purpose;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public DateOnly DueOn { get; private set; }

    [PersonalData(FreeText = true)]
    public string? Purpose { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    [PersonalData(FreeText = true)]
    public string? Note { get; private set; }

    public void MarkDone(ServiceEpisode episode, DateOnly doneOn, string? note)
    {
        ArgumentNullException.ThrowIfNull(episode);
        episode.EnsureTakesDetails(ServiceType.Reintegration);
        if (DoneOn is not null)
        {
            throw DomainException.State("follow-up.done", "The follow-up is already done.");
        }

        if (doneOn < episode.StartDate)
        {
            throw DomainException.Argument("follow-up.done-before-episode", "A follow-up cannot be done before the service started.");
        }

        DoneOn = doneOn;
        Note = note;
    }
}
