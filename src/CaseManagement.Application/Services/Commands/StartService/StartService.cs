using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Commands.StartService;

[Audited(AuditActions.Create, "Case.Service")]
[RequiresRole(Roles.SocialWorker)]
public sealed record StartServiceCommand(Guid CaseId, ServiceType? Type, DateOnly StartDate) : ICommand<ServiceEpisodeDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class StartServiceHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<StartServiceCommand, ServiceEpisodeDto>
{
    public async ValueTask<ServiceEpisodeDto> Handle(StartServiceCommand command, CancellationToken cancellationToken)
    {
        var found = (await db.Cases.SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken)).OwnedBy(user, command.CaseId);
        var episode = found.StartEpisode(Guid.CreateVersion7(), command.Type!.Value, command.StartDate);
        db.ServiceEpisodes.Add(episode);
        return ServiceEpisodeDto.From(episode);
    }
}
