using CaseManagement.Application.Common.Auditing;
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
    public async ValueTask<InvitedStaffMember> Handle(CreateUserCommand command, CancellationToken cancellationToken) =>
        await identity.InviteNewAsync(user.RequireOrganisationId(), command.UserName, command.Roles, command.Email, "email", cancellationToken);
}
