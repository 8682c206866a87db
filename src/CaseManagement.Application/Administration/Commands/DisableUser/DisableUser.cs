using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.DisableUser;

/// <summary>The account stops working on its next request, whatever tokens it holds, and its sessions end for good.</summary>
[Audited(AuditActions.Update, "User")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record DisableUserCommand(Guid UserId) : ICommand<StaffMember>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => UserId;
}

internal sealed class DisableUserHandler(IIdentityAdministration identity, IUserSessions sessions, ICurrentUser user) : ICommandHandler<DisableUserCommand, StaffMember>
{
    public async ValueTask<StaffMember> Handle(DisableUserCommand command, CancellationToken cancellationToken)
    {
        await identity.ColleagueAsync(user, command.UserId, cancellationToken);
        await identity.DisableUserAsync(command.UserId, cancellationToken);
        await sessions.EndAllAsync(command.UserId, cancellationToken);
        return (await identity.FindUserAsync(command.UserId, cancellationToken))!;
    }
}
