using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.RevokeUserSessions;

/// <summary>
/// Ends every session of a colleague (a lost laptop, a shared password): their tokens are refused
/// from the next request on, and they must sign in again. The account itself stays enabled.
/// </summary>
[Audited(AuditActions.Revoke, "User.Sessions")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record RevokeUserSessionsCommand(Guid UserId) : ICommand, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => UserId;
}

internal sealed class RevokeUserSessionsHandler(IIdentityAdministration identity, IUserSessions sessions, ICurrentUser user)
    : ICommandHandler<RevokeUserSessionsCommand>
{
    public async ValueTask<Unit> Handle(RevokeUserSessionsCommand command, CancellationToken cancellationToken)
    {
        // Administrators end their own sessions one by one at /me/sessions, never all at once by accident.
        await identity.ColleagueAsync(user, command.UserId, cancellationToken);
        await sessions.EndAllAsync(command.UserId, cancellationToken);
        return Unit.Value;
    }
}
