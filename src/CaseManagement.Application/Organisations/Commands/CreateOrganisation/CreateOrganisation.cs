using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Organisations;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Organisations.Commands.CreateOrganisation;

/// <summary>
/// Registers a member NGO and provisions its data key. No endpoint yet: the platform
/// administrator's endpoint arrives with identity; development seeding and tests use it now.
/// </summary>
[Audited(AuditActions.Create, "Organisation")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record CreateOrganisationCommand(string Name) : ICommand<Guid>;

internal sealed class CreateOrganisationHandler(IApplicationDbContext db, IDataKeyProvisioner keys, TimeProvider clock)
    : ICommandHandler<CreateOrganisationCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreateOrganisationCommand command, CancellationToken cancellationToken)
    {
        var organisation = new Organisation(Guid.CreateVersion7(), command.Name, clock.GetUtcNow());
        // The key is committed first and on its own: a key without an organisation is harmless,
        // data without a stored key would be lost.
        await keys.ProvisionAsync(organisation.Id, cancellationToken);
        db.Organisations.Add(organisation);
        return organisation.Id;
    }
}
