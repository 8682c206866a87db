using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Services.Commands.EndService;

[Audited(AuditActions.Update, "Case.Service")]
[RequiresRole(Roles.SocialWorker)]
public sealed record EndServiceCommand(Guid CaseId, Guid EpisodeId, DateOnly EndDate) : ICommand<ServiceEpisodeDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class EndServiceHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<EndServiceCommand, ServiceEpisodeDto>
{
    public async ValueTask<ServiceEpisodeDto> Handle(EndServiceCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForDetailAsync(user, command.CaseId, command.EpisodeId, cancellationToken);
        return ServiceEpisodeDto.From(found.EndEpisode(command.EpisodeId, command.EndDate));
    }
}
