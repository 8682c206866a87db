using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Commands.SetCounsellingKind;

/// <summary>Sets, or corrects, whether a counselling episode is psychological or vocational.</summary>
[Audited(AuditActions.Update, "Case.Service.Counselling")]
[RequiresRole(Roles.SocialWorker)]
public sealed record SetCounsellingKindCommand(Guid CaseId, Guid EpisodeId, CounsellingKind? Kind) : ICommand<CounsellingDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class SetCounsellingKindHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<SetCounsellingKindCommand, CounsellingDto>
{
    public async ValueTask<CounsellingDto> Handle(SetCounsellingKindCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeForChangeAsync(user, command.CaseId, command.EpisodeId, ServiceType.Counselling, cancellationToken);
        var kind = command.Kind!.Value;
        if (await db.CounsellingDetails.SingleOrDefaultAsync(d => d.EpisodeId == episode.Id, cancellationToken) is { } details)
        {
            details.SetKind(episode, kind);
        }
        else
        {
            db.CounsellingDetails.Add(new CounsellingDetails(Guid.CreateVersion7(), episode, kind));
        }

        return new CounsellingDto(episode.Id, kind);
    }
}
