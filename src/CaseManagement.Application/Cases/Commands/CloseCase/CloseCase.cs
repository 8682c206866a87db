using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Cases.Commands.CloseCase;

[Audited(AuditActions.Update, "Case")]
[RequiresRole(Roles.SocialWorker)]
public sealed record CloseCaseCommand(Guid CaseId, int? Version, ClosureReason? Reason, string? Note, DateOnly ClosedOn) : ICommand<CaseDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class CloseCaseHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<CloseCaseCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(CloseCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForChangeAsync(user, command.CaseId, command.Version!.Value, cancellationToken);
        found.Close(command.Reason!.Value, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), command.ClosedOn);
        return CaseDto.From(found);
    }
}
