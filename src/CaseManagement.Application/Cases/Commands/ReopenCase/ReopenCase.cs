using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Cases.Commands.ReopenCase;

[Audited(AuditActions.Update, "Case")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ReopenCaseCommand(Guid CaseId, int? Version) : ICommand<CaseDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ReopenCaseHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<ReopenCaseCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(ReopenCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForChangeAsync(user, command.CaseId, command.Version!.Value, cancellationToken);
        await db.EnsureNotErasedAsync(found.BeneficiaryId, cancellationToken);
        found.Reopen();
        return CaseDto.From(found);
    }
}
