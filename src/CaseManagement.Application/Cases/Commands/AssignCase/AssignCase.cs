using CaseManagement.Application.Administration;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Cases.Commands.AssignCase;

[Audited(AuditActions.Update, "Case")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record AssignCaseCommand(Guid CaseId, int? Version, Guid WorkerId) : ICommand<CaseDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class AssignCaseHandler(IApplicationDbContext db, IIdentityAdministration identity, ICurrentUser user) : ICommandHandler<AssignCaseCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(AssignCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForChangeAsync(user, command.CaseId, command.Version!.Value, cancellationToken);
        var caller = user.RequireUserId();
        // Being assigned is a grant (the assignee manages the case's counsellors): nobody takes it for
        // themselves, and a social worker hands over only a case that is theirs or nobody's.
        if (command.WorkerId == caller)
        {
            throw new ForbiddenException("Nobody assigns a case to themselves; ask a coordinator.");
        }

        if (!user.IsInRole(Roles.Coordinator) && found.AssignedWorkerId is { } current && current != caller)
        {
            throw new ForbiddenException("A case assigned to a colleague is reassigned by a coordinator or by that colleague.");
        }

        await identity.CaseWorkerAsync(user, command.WorkerId, cancellationToken);
        found.Assign(command.WorkerId);
        return CaseDto.For(found, user);
    }
}
