using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Administration.Commands.EnableOrganisation;

/// <summary>
/// A platform administrator lets a member NGO back in: its accounts work again, except those its
/// administrators had disabled one by one (the organisation's disable never touched their flags).
/// </summary>
[Audited(AuditActions.Update, "Organisation")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record EnableOrganisationCommand(Guid OrganisationId) : ICommand, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => OrganisationId;
}

internal sealed class EnableOrganisationHandler(IApplicationDbContext db) : ICommandHandler<EnableOrganisationCommand>
{
    public async ValueTask<Unit> Handle(EnableOrganisationCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == command.OrganisationId, cancellationToken)
            ?? throw new NotFoundException(nameof(Organisation), command.OrganisationId);
        organisation.Enable();
        return Unit.Value;
    }
}
