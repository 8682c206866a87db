using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.RevokeMachineClient;

[Audited(AuditActions.Revoke, "MachineClient")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record RevokeMachineClientCommand(string ClientId) : ICommand;

internal sealed class RevokeMachineClientHandler(IIdentityAdministration identity) : ICommandHandler<RevokeMachineClientCommand>
{
    public async ValueTask<Unit> Handle(RevokeMachineClientCommand command, CancellationToken cancellationToken) =>
        await identity.RevokeClientAsync(command.ClientId, cancellationToken)
            ? Unit.Value
            : throw new NotFoundException("MachineClient", command.ClientId);
}
