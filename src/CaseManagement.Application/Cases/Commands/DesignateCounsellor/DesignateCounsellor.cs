using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.DesignateCounsellor;

/// <summary>Lets a colleague of the same organisation read the case's restricted notes.</summary>
[Audited(AuditActions.Update, "Case.Counsellor")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record DesignateCounsellorCommand(Guid CaseId, Guid UserId) : ICommand, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class DesignateCounsellorHandler(IApplicationDbContext db, IIdentityAdministration identity, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DesignateCounsellorCommand>
{
    public async ValueTask<Unit> Handle(DesignateCounsellorCommand command, CancellationToken cancellationToken)
    {
        var found = (await db.Cases.SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken)).OwnedBy(user, command.CaseId);
        var counsellor = await identity.FindUserAsync(command.UserId, cancellationToken);
        if (counsellor is null || counsellor.OrganisationId != found.OrganisationId || counsellor.Disabled)
        {
            throw new NotFoundException("User", command.UserId);
        }

        if (!await db.CaseCounsellors.AnyAsync(c => c.CaseId == found.Id && c.UserId == command.UserId, cancellationToken))
        {
            db.CaseCounsellors.Add(new CaseCounsellor(Guid.CreateVersion7(), found, command.UserId, clock.GetUtcNow()));
        }

        return Unit.Value;
    }
}
