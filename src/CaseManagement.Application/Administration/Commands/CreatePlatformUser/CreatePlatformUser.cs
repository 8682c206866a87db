using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
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
    public async ValueTask<InvitedStaffMember> Handle(CreatePlatformUserCommand command, CancellationToken cancellationToken)
    {
        identity.RequireAddressWhenMailing(command.Email, "email");
        if (await identity.UserNameTakenAsync(command.UserName, cancellationToken))
        {
            throw new ConflictException("user.name-taken", "That user name is taken.");
        }

        return await identity.CreateUserAsync(null, command.UserName, command.Roles, command.Email, cancellationToken);
    }
}
