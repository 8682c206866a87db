using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.CreateUser;

/// <summary>An organisation administrator adds a member of staff; the one-time password is shown once.</summary>
[Audited(AuditActions.Create, "User")]
[RequiresRole(Common.Security.Roles.OrganisationAdmin)]
public sealed record CreateUserCommand(string UserName, IReadOnlyList<string> Roles) : ICommand<NewStaffMember>;

internal sealed class CreateUserHandler(IIdentityAdministration identity, ICurrentUser user) : ICommandHandler<CreateUserCommand, NewStaffMember>
{
    public async ValueTask<NewStaffMember> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        if (await identity.UserNameTakenAsync(command.UserName, cancellationToken))
        {
            throw new ConflictException("user.name-taken", "That user name is taken.");
        }

        return await identity.CreateUserAsync(user.RequireOrganisationId(), command.UserName, command.Roles, cancellationToken);
    }
}
