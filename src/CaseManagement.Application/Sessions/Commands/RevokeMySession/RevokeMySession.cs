using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Sessions.Commands.RevokeMySession;

/// <summary>Ends one of the caller's own sessions (the current one too); anyone else's is "not found".</summary>
[Audited(AuditActions.Revoke, "Session")]
[RequiresSignedInUser]
public sealed record RevokeMySessionCommand(Guid SessionId) : ICommand, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => SessionId;
}

internal sealed class RevokeMySessionHandler(IUserSessions sessions, ICurrentUser user) : ICommandHandler<RevokeMySessionCommand>
{
    public async ValueTask<Unit> Handle(RevokeMySessionCommand command, CancellationToken cancellationToken) =>
        await sessions.RevokeAsync(user.RequireUserId(), command.SessionId, cancellationToken)
            ? Unit.Value
            : throw new NotFoundException("Session", command.SessionId);
}
