using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.SetUserRoles;

[Audited(AuditActions.Update, "User")]
[RequiresRole(Common.Security.Roles.OrganisationAdmin)]
public sealed record SetUserRolesCommand(Guid UserId, IReadOnlyList<string> Roles) : ICommand<StaffMember>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => UserId;
}

internal sealed class SetUserRolesHandler(IIdentityAdministration identity, ICurrentUser user) : ICommandHandler<SetUserRolesCommand, StaffMember>
{
    public async ValueTask<StaffMember> Handle(SetUserRolesCommand command, CancellationToken cancellationToken)
    {
        await identity.ColleagueAsync(user, command.UserId, cancellationToken);
        await identity.SetRolesAsync(command.UserId, command.Roles, cancellationToken);
        return (await identity.FindUserAsync(command.UserId, cancellationToken))!;
    }
}
