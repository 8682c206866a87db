using CaseManagement.Application.Administration;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Cases.Commands.AssignCase;

[Audited(AuditActions.Update, "Case")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record AssignCaseCommand(Guid CaseId, int? Version, Guid WorkerId) : ICommand<CaseDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class AssignCaseHandler(IApplicationDbContext db, IIdentityAdministration identity, ICurrentUser user) : ICommandHandler<AssignCaseCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(AssignCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForChangeAsync(user, command.CaseId, command.Version!.Value, cancellationToken);
        await identity.CaseWorkerAsync(user, command.WorkerId, cancellationToken);
        found.Assign(command.WorkerId);
        return CaseDto.For(found, user);
    }
}
