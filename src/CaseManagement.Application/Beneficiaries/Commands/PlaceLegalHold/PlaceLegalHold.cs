using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Beneficiaries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Commands.PlaceLegalHold;

/// <summary>An organisation administrator keeps a person's file past its retention period, for a stated reason; neither the job nor a request erases it.</summary>
[Audited(AuditActions.Update, "Beneficiary.LegalHold")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record PlaceLegalHoldCommand(Guid BeneficiaryId, LegalHoldReason Reason) : ICommand<RetentionStatusDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => BeneficiaryId;
}

internal sealed class PlaceLegalHoldHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PlaceLegalHoldCommand, RetentionStatusDto>
{
    public async ValueTask<RetentionStatusDto> Handle(PlaceLegalHoldCommand command, CancellationToken cancellationToken)
    {
        var beneficiary = (await db.Beneficiaries.SingleOrDefaultAsync(b => b.Id == command.BeneficiaryId, cancellationToken))
            .OwnedBy(user, command.BeneficiaryId);
        beneficiary.PlaceLegalHold(command.Reason, clock.GetUtcNow());
        return RetentionStatusDto.From(beneficiary);
    }
}
