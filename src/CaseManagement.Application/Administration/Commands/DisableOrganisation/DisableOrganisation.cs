using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Administration.Commands.DisableOrganisation;

/// <summary>
/// A platform administrator disables a member NGO: every one of its accounts stops working at once
/// (sign-in and tokens check the organisation) and every session ends for good. The users' own
/// disabled flags are left as they are, so enabling the organisation again restores exactly the
/// accounts its administrators had not disabled.
/// </summary>
[Audited(AuditActions.Update, "Organisation")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record DisableOrganisationCommand(Guid OrganisationId) : ICommand, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => OrganisationId;
}

internal sealed class DisableOrganisationHandler(IApplicationDbContext db, IIdentityAdministration identity, IUserSessions sessions)
    : ICommandHandler<DisableOrganisationCommand>
{
    public async ValueTask<Unit> Handle(DisableOrganisationCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == command.OrganisationId, cancellationToken)
            ?? throw new NotFoundException(nameof(Organisation), command.OrganisationId);
        organisation.Disable();
        foreach (var member in await identity.ListUsersAsync(organisation.Id, cancellationToken))
        {
            await sessions.EndAllAsync(member.Id, cancellationToken);
        }

        return Unit.Value;
    }
}
