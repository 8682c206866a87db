using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.EnableUser;

/// <summary>
/// A disabled colleague may sign in again. Their sessions from before stay ended: the disable
/// rotated their security stamp and revoked them.
/// </summary>
[Audited(AuditActions.Update, "User")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record EnableUserCommand(Guid UserId) : ICommand<StaffMember>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => UserId;
}

internal sealed class EnableUserHandler(IIdentityAdministration identity, ICurrentUser user) : ICommandHandler<EnableUserCommand, StaffMember>
{
    public async ValueTask<StaffMember> Handle(EnableUserCommand command, CancellationToken cancellationToken)
    {
        await identity.ColleagueAsync(user, command.UserId, cancellationToken);
        await identity.EnableUserAsync(command.UserId, cancellationToken);
        return (await identity.FindUserAsync(command.UserId, cancellationToken))!;
    }
}
