using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Mediator;

namespace CaseManagement.Application.Services.Commands.ScheduleFollowUp;

[Audited(AuditActions.Create, "Case.Service.FollowUp")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ScheduleFollowUpCommand(Guid CaseId, Guid EpisodeId, DateOnly DueOn, string? Purpose) : ICommand<FollowUpDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ScheduleFollowUpHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<ScheduleFollowUpCommand, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(ScheduleFollowUpCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeForChangeAsync(user, command.CaseId, command.EpisodeId, ServiceType.Reintegration, cancellationToken);
        var followUp = new FollowUp(Guid.CreateVersion7(), episode, command.DueOn, command.Purpose);
        db.FollowUps.Add(followUp);
        return FollowUpDto.From(followUp);
    }
}
