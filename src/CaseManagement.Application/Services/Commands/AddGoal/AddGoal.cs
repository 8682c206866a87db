using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Mediator;

namespace CaseManagement.Application.Services.Commands.AddGoal;

[Audited(AuditActions.Create, "Case.Service.Goal")]
[RequiresRole(Roles.SocialWorker)]
public sealed record AddGoalCommand(Guid CaseId, Guid EpisodeId, GoalArea? Area, string Description, DateOnly? TargetDate) : ICommand<GoalDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class AddGoalHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<AddGoalCommand, GoalDto>
{
    public async ValueTask<GoalDto> Handle(AddGoalCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeForChangeAsync(user, command.CaseId, command.EpisodeId, ServiceType.Reintegration, cancellationToken);
        var goal = new ReintegrationGoal(Guid.CreateVersion7(), episode, command.Area!.Value, command.Description, command.TargetDate);
        db.ReintegrationGoals.Add(goal);
        return GoalDto.From(goal);
    }
}
