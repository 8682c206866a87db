using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Services;

/// <summary>A goal of a reintegration plan. Its description speaks about the person, so it is encrypted.</summary>
public sealed class ReintegrationGoal : IOrganisationOwned
{
    private ReintegrationGoal()
    {
        Description = string.Empty;
    }

    public ReintegrationGoal(Guid id, ServiceEpisode episode, GoalArea area, string description, DateOnly? targetDate)
        : this()
    {
        ArgumentNullException.ThrowIfNull(episode);
        episode.EnsureTakesDetails(ServiceType.Reintegration);
        if (string.IsNullOrWhiteSpace(description))
        {
            throw DomainException.Argument("goal.description", "A goal needs a description.");
        }

        if (targetDate < episode.StartDate)
        {
            throw DomainException.Argument("goal.target-before-episode", "A goal's target date cannot precede the service.");
        }

        Id = id;
        OrganisationId = episode.OrganisationId;
        CaseId = episode.CaseId;
        EpisodeId = episode.Id;
        Area = area;
        Description = description;
        TargetDate = targetDate;
        Status = GoalStatus.Planned;
        StatusOn = episode.StartDate;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public GoalArea Area { get; private set; }

    [PersonalData(FreeText = true)]
    public string Description { get; private set; }

    public DateOnly? TargetDate { get; private set; }

    public GoalStatus Status { get; private set; }

    /// <summary>When the goal reached its current status (the episode's start while it is planned).</summary>
    public DateOnly StatusOn { get; private set; }

    public bool IsFinal => Status is GoalStatus.Achieved or GoalStatus.Abandoned;

    /// <summary>Moves the goal forward; a final status never changes again.</summary>
    public void ChangeStatus(ServiceEpisode episode, GoalStatus status, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(episode);
        if (!Enum.IsDefined(status))
        {
            throw DomainException.Argument("goal.status", "Unknown goal status.");
        }

        episode.EnsureTakesDetails(ServiceType.Reintegration);
        if (IsFinal)
        {
            throw DomainException.State("goal.final", "An achieved or abandoned goal keeps its status.");
        }

        if (status <= Status)
        {
            throw DomainException.State("goal.status-order", "A goal moves forward: planned, in progress, then achieved or abandoned.");
        }

        if (on < StatusOn)
        {
            throw DomainException.Argument("goal.status-date", "A goal's status cannot change before its previous change.");
        }

        Status = status;
        StatusOn = on;
    }
}
