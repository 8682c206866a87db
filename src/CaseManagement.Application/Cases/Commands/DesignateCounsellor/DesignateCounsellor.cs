using CaseManagement.Application.Administration;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.DesignateCounsellor;

/// <summary>
/// The case's assigned worker, or a restricted note's author, lets a colleague who works cases
/// (e.g. the psychotherapist) read the case's restricted notes. Nobody designates themselves.
/// </summary>
[Audited(AuditActions.Grant, "Case.Counsellor")]
[RequiresRole(Roles.SocialWorker)]
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
        var caller = user.RequireUserId();
        if (command.UserId == caller)
        {
            throw new ForbiddenException("Nobody designates themselves; ask the case's assigned worker.");
        }

        await db.EnsureMayManageAsync(found, caller, cancellationToken);
        await identity.CaseWorkerAsync(user, command.UserId, cancellationToken);
        if (!await db.CaseCounsellors.AnyAsync(c => c.CaseId == found.Id && c.UserId == command.UserId, cancellationToken))
        {
            db.CaseCounsellors.Add(new CaseCounsellor(Guid.CreateVersion7(), found, command.UserId, clock.GetUtcNow()));
        }

        return Unit.Value;
    }
}
