using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.ReinviteOrganisationAdmin;

/// <summary>
/// A platform administrator sends a new link to an organisation's administrator who has not yet
/// accepted theirs (an expired or lost first invitation), when nobody in the organisation can. An
/// administrator who has ever accepted one is the organisation's own, reset since or not: to the
/// platform that account is "not found", so the platform never gains a way into a working organisation.
/// </summary>
[Audited(AuditActions.Invite, "User")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record ReinviteOrganisationAdminCommand(Guid OrganisationId, Guid UserId, string? Email) : ICommand<InvitedStaffMember>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => UserId;
}

internal sealed class ReinviteOrganisationAdminHandler(IIdentityAdministration identity)
    : ICommandHandler<ReinviteOrganisationAdminCommand, InvitedStaffMember>
{
    public async ValueTask<InvitedStaffMember> Handle(ReinviteOrganisationAdminCommand command, CancellationToken cancellationToken)
    {
        var member = await identity.FindUserAsync(command.UserId, cancellationToken);
        if (member is not { InvitationPending: true, Disabled: false } || member.OrganisationId != command.OrganisationId
            || !member.Roles.Contains(Roles.OrganisationAdmin) || await identity.HasAcceptedInvitationAsync(member.Id, cancellationToken))
        {
            throw new NotFoundException("User", command.UserId);
        }

        return await identity.ReinviteAsync(command.UserId, command.Email, cancellationToken);
    }
}
