using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Administration.Commands.DisableOrganisation;

/// <summary>A platform administrator disables a member NGO: every one of its accounts stops working at once.</summary>
[Audited(AuditActions.Update, "Organisation")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record DisableOrganisationCommand(Guid OrganisationId) : ICommand, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => OrganisationId;
}

internal sealed class DisableOrganisationHandler(IApplicationDbContext db, IIdentityAdministration identity) : ICommandHandler<DisableOrganisationCommand>
{
    public async ValueTask<Unit> Handle(DisableOrganisationCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == command.OrganisationId, cancellationToken)
            ?? throw new NotFoundException(nameof(Organisation), command.OrganisationId);
        organisation.Disable();
        await identity.DisableOrganisationUsersAsync(organisation.Id, cancellationToken);
        return Unit.Value;
    }
}
