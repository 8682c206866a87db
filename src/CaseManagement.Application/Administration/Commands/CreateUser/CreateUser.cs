using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.CreateUser;

/// <summary>
/// An organisation administrator adds a member of staff, who is invited to choose their own
/// password: the administrator never sees or sets it.
/// </summary>
[Audited(AuditActions.Create, "User")]
[RequiresRole(Common.Security.Roles.OrganisationAdmin)]
public sealed record CreateUserCommand(string UserName, IReadOnlyList<string> Roles, string? Email = null) : ICommand<InvitedStaffMember>;

internal sealed class CreateUserHandler(IIdentityAdministration identity, ICurrentUser user) : ICommandHandler<CreateUserCommand, InvitedStaffMember>
{
    public async ValueTask<InvitedStaffMember> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        identity.RequireAddressWhenMailing(command.Email, "email");
        if (await identity.UserNameTakenAsync(command.UserName, cancellationToken))
        {
            throw new ConflictException("user.name-taken", "That user name is taken.");
        }

        return await identity.CreateUserAsync(user.RequireOrganisationId(), command.UserName, command.Roles, command.Email, cancellationToken);
    }
}
