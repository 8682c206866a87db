using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.RegisterMachineClient;

/// <summary>
/// A platform administrator registers a machine client (client credentials) with the client's
/// public key (PEM): the client proves itself with signed assertions (private_key_jwt), and the
/// server never holds a secret of its. Only where secrets are allowed may the key be left out; the
/// secret is then shown once.
/// </summary>
[Audited(AuditActions.Create, "MachineClient")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record RegisterMachineClientCommand(string DisplayName, IReadOnlyList<string> Scopes, string? PublicKey = null) : ICommand<NewMachineClient>;

internal sealed class RegisterMachineClientHandler(IIdentityAdministration identity, IMachineClientCredentials credentials)
    : ICommandHandler<RegisterMachineClientCommand, NewMachineClient>
{
    public async ValueTask<NewMachineClient> Handle(RegisterMachineClientCommand command, CancellationToken cancellationToken)
    {
        var publicKey = string.IsNullOrEmpty(command.PublicKey) ? null : command.PublicKey;
        if (publicKey is null && !credentials.ClientSecretsAllowed)
        {
            // The validator refuses this already; a secret must never be issued by mistake.
            throw new InvalidOperationException("Client secrets are not allowed: a machine client needs a public key.");
        }

        return await identity.RegisterClientAsync(command.DisplayName, command.Scopes, publicKey, cancellationToken);
    }
}
