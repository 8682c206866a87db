using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.CreatePlatformUser;

/// <summary>
/// A platform administrator (or the <c>bootstrap</c> verb, for the first one) adds secretariat staff
/// or another platform administrator, who is invited to choose their own password.
/// </summary>
[Audited(AuditActions.Create, "User")]
[RequiresRole(Common.Security.Roles.PlatformAdmin)]
public sealed record CreatePlatformUserCommand(string UserName, IReadOnlyList<string> Roles, string? Email = null) : ICommand<InvitedStaffMember>;

internal sealed class CreatePlatformUserHandler(IIdentityAdministration identity) : ICommandHandler<CreatePlatformUserCommand, InvitedStaffMember>
{
    public async ValueTask<InvitedStaffMember> Handle(CreatePlatformUserCommand command, CancellationToken cancellationToken) =>
        await identity.InviteNewAsync(null, command.UserName, command.Roles, command.Email, "email", cancellationToken);
}
