using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.ReinviteUser;

/// <summary>
/// An organisation administrator resends an invitation, or resets a colleague's account after a lost
/// password or authenticator: the password, authenticator and sessions are cleared, and only the
/// person who opens the new link chooses the next ones.
/// </summary>
[Audited(AuditActions.Invite, "User")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record ReinviteUserCommand(Guid UserId, string? Email) : ICommand<InvitedStaffMember>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => UserId;
}

internal sealed class ReinviteUserHandler(IIdentityAdministration identity, ICurrentUser user) : ICommandHandler<ReinviteUserCommand, InvitedStaffMember>
{
    public async ValueTask<InvitedStaffMember> Handle(ReinviteUserCommand command, CancellationToken cancellationToken)
    {
        await identity.ColleagueAsync(user, command.UserId, cancellationToken);
        return await identity.ReinviteAsync(command.UserId, command.Email, cancellationToken);
    }
}
