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
        // Only in an organisation nobody has started: once anyone there has an account in use, even an administrator
        // invited later and still pending is the organisation's own, and a new link from the platform would hand it over.
        var first = await identity.ListFirstAdministratorsAsync(cancellationToken);
        if (!first.Any(member => member.Id == command.UserId && member.OrganisationId == command.OrganisationId))
        {
            throw new NotFoundException("User", command.UserId);
        }

        return await identity.ReinviteAsync(command.UserId, command.Email, cancellationToken);
    }
}
