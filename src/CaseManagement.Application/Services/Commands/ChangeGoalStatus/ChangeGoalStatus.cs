using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Commands.ChangeGoalStatus;

[Audited(AuditActions.Update, "Case.Service.Goal")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ChangeGoalStatusCommand(Guid CaseId, Guid EpisodeId, Guid GoalId, GoalStatus? Status, DateOnly Date) : ICommand<GoalDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ChangeGoalStatusHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<ChangeGoalStatusCommand, GoalDto>
{
    public async ValueTask<GoalDto> Handle(ChangeGoalStatusCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeForChangeAsync(user, command.CaseId, command.EpisodeId, ServiceType.Reintegration, cancellationToken);
        var goal = await db.ReintegrationGoals.SingleOrDefaultAsync(g => g.Id == command.GoalId && g.EpisodeId == episode.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(ReintegrationGoal), command.GoalId);
        goal.ChangeStatus(episode, command.Status!.Value, command.Date);
        return GoalDto.From(goal);
    }
}
