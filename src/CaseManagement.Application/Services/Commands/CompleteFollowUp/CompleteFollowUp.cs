using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Commands.CompleteFollowUp;

[Audited(AuditActions.Update, "Case.Service.FollowUp")]
[RequiresRole(Roles.SocialWorker)]
public sealed record CompleteFollowUpCommand(Guid CaseId, Guid EpisodeId, Guid FollowUpId, DateOnly DoneOn, string? Note) : ICommand<FollowUpDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class CompleteFollowUpHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<CompleteFollowUpCommand, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(CompleteFollowUpCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeForChangeAsync(user, command.CaseId, command.EpisodeId, ServiceType.Reintegration, cancellationToken);
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == command.FollowUpId && f.EpisodeId == episode.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(FollowUp), command.FollowUpId);
        followUp.MarkDone(episode, command.DoneOn, command.Note);
        return FollowUpDto.From(followUp);
    }
}
