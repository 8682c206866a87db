using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.RevokeCounsellor;

/// <summary>Ends a counsellor's access to the case's restricted notes, from their next read on.</summary>
[Audited(AuditActions.Revoke, "Case.Counsellor")]
[RequiresRole(Roles.SocialWorker)]
public sealed record RevokeCounsellorCommand(Guid CaseId, Guid UserId) : ICommand, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class RevokeCounsellorHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<RevokeCounsellorCommand>
{
    public async ValueTask<Unit> Handle(RevokeCounsellorCommand command, CancellationToken cancellationToken)
    {
        var found = (await db.Cases.SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken)).OwnedBy(user, command.CaseId);
        await db.EnsureMayManageAsync(found, user.RequireUserId(), cancellationToken);
        var designation = await db.CaseCounsellors.SingleOrDefaultAsync(c => c.CaseId == found.Id && c.UserId == command.UserId, cancellationToken)
            ?? throw new NotFoundException(nameof(CaseCounsellor), command.UserId);
        db.CaseCounsellors.Remove(designation);
        return Unit.Value;
    }
}
