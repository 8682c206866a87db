using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Commands.AdvanceRepatriation;

/// <summary>Moves a repatriation one step forward; the return may bring its actual travel date.</summary>
[Audited(AuditActions.Update, "Case.Repatriation")]
[RequiresRole(Roles.SocialWorker)]
public sealed record AdvanceRepatriationCommand(Guid CaseId, Guid EpisodeId, RepatriationStatus? Status, DateOnly Date, DateOnly? ActualTravelOn = null)
    : ICommand<RepatriationDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class AdvanceRepatriationHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<AdvanceRepatriationCommand, RepatriationDto>
{
    public async ValueTask<RepatriationDto> Handle(AdvanceRepatriationCommand command, CancellationToken cancellationToken)
    {
        await db.EpisodeAsync(user, command.CaseId, command.EpisodeId, ServiceType.Repatriation, cancellationToken);
        var found = await db.LoadForDetailAsync(user, command.CaseId, command.EpisodeId, cancellationToken);
        var repatriation = await db.Repatriations.Include(r => r.History).SingleOrDefaultAsync(r => r.EpisodeId == command.EpisodeId, cancellationToken)
            ?? throw new NotFoundException(nameof(Repatriation), command.EpisodeId);
        repatriation.Advance(found, command.Status!.Value, command.Date, command.ActualTravelOn, Guid.CreateVersion7());
        return RepatriationDto.From(repatriation);
    }
}
