using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.LegalCases;
using Mediator;

namespace CaseManagement.Application.LegalCases.Commands.ChangeLegalStage;

/// <summary>Records that the procedure reached a later stage on a date (forward only; 409 <c>legal.stage-order</c> otherwise).</summary>
[Audited(AuditActions.Update, "LegalCase.Stage")]
[RequiresRole(Roles.Lawyer)]
public sealed record ChangeLegalStageCommand(Guid Id, LegalStage? Stage, DateOnly Date) : ICommand<LegalCaseDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}

internal sealed class ChangeLegalStageHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ChangeLegalStageCommand, LegalCaseDto>
{
    public async ValueTask<LegalCaseDto> Handle(ChangeLegalStageCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LegalCaseAsync(user, command.Id, cancellationToken);
        var change = found.ChangeStage(Guid.CreateVersion7(), command.Stage!.Value, command.Date, user.RequireUserId());
        db.LegalStageChanges.Add(change);
        return await db.DtoAsync(found, clock, cancellationToken);
    }
}
