using CaseManagement.Domain.Services;

namespace CaseManagement.Application.Services;

public sealed record GoalDto(Guid Id, Guid EpisodeId, GoalArea Area, string Description, DateOnly? TargetDate, GoalStatus Status, DateOnly StatusOn)
{
    internal static GoalDto From(ReintegrationGoal g) => new(g.Id, g.EpisodeId, g.Area, g.Description, g.TargetDate, g.Status, g.StatusOn);
}
