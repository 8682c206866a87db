using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.ReinvitePlatformUser;

/// <summary>A platform administrator resends or resets the invitation of another platform user (never their own).</summary>
[Audited(AuditActions.Invite, "User")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record ReinvitePlatformUserCommand(Guid UserId, string? Email) : ICommand<InvitedStaffMember>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => UserId;
}

internal sealed class ReinvitePlatformUserHandler(IIdentityAdministration identity, ICurrentUser user)
    : ICommandHandler<ReinvitePlatformUserCommand, InvitedStaffMember>
{
    public async ValueTask<InvitedStaffMember> Handle(ReinvitePlatformUserCommand command, CancellationToken cancellationToken)
    {
        // An organisation's staff is that organisation's to manage: to the platform it does not exist.
        var member = await identity.FindUserAsync(command.UserId, cancellationToken);
        if (member is not { OrganisationId: null })
        {
            throw new NotFoundException("User", command.UserId);
        }

        if (member.Id == user.UserId)
        {
            throw new ForbiddenException("Nobody resets their own account; ask another platform administrator.");
        }

        return await identity.ReinviteAsync(command.UserId, command.Email, cancellationToken);
    }
}
