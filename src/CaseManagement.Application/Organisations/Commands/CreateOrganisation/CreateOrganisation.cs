using CaseManagement.Application.Administration;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Organisations;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Organisations.Commands.CreateOrganisation;

/// <summary>
/// A platform administrator registers a member NGO and invites its first administrator, who
/// chooses their own password. The organisation's data key is provisioned first.
/// </summary>
[Audited(AuditActions.Create, "Organisation")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record CreateOrganisationCommand(string Name, string AdminUserName, string? AdminEmail = null) : ICommand<CreatedOrganisation>;

public sealed record CreatedOrganisation(Guid Id, string Name, InvitedStaffMember Admin) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}

internal sealed class CreateOrganisationHandler(
    IApplicationDbContext db, IDataKeyProvisioner keys, IIdentityAdministration identity, TimeProvider clock)
    : ICommandHandler<CreateOrganisationCommand, CreatedOrganisation>
{
    public async ValueTask<CreatedOrganisation> Handle(CreateOrganisationCommand command, CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(o => o.Name == command.Name.Trim(), cancellationToken))
        {
            throw new ConflictException("organisation.name-taken", "An organisation with that name exists.");
        }

        var organisation = new Organisation(Guid.CreateVersion7(), command.Name, clock.GetUtcNow());
        keys.Provision(organisation.Id);
        db.Organisations.Add(organisation);
        var admin = await identity.InviteNewAsync(organisation.Id, command.AdminUserName, [Roles.OrganisationAdmin], command.AdminEmail, "adminEmail", cancellationToken);
        return new CreatedOrganisation(organisation.Id, organisation.Name, admin);
    }
}
