using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Commands.ReleaseLegalHold;

/// <summary>An organisation administrator lifts a hold: the retention period applies again from the next daily run.</summary>
[Audited(AuditActions.Update, "Beneficiary.LegalHold")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record ReleaseLegalHoldCommand(Guid BeneficiaryId) : ICommand<RetentionStatusDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => BeneficiaryId;
}

internal sealed class ReleaseLegalHoldHandler(IApplicationDbContext db, ICurrentUser user)
    : ICommandHandler<ReleaseLegalHoldCommand, RetentionStatusDto>
{
    public async ValueTask<RetentionStatusDto> Handle(ReleaseLegalHoldCommand command, CancellationToken cancellationToken)
    {
        var beneficiary = (await db.Beneficiaries.SingleOrDefaultAsync(b => b.Id == command.BeneficiaryId, cancellationToken))
            .OwnedBy(user, command.BeneficiaryId);
        beneficiary.ReleaseLegalHold();
        return RetentionStatusDto.From(beneficiary);
    }
}
