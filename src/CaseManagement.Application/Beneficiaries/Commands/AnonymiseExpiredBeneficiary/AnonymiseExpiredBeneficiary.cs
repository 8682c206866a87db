using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Beneficiaries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Commands.AnonymiseExpiredBeneficiary;

/// <summary>
/// Anonymises one person the retention scan found, in a transaction of its own, so that one person
/// who cannot be anonymised holds up nobody else. Audited as <c>Anonymise Beneficiary.Retention</c>
/// by the system. System only.
/// </summary>
public sealed record AnonymiseExpiredBeneficiaryCommand(Guid BeneficiaryId) : ICommand;

internal sealed class AnonymiseExpiredBeneficiaryHandler(IApplicationDbContext db, ICurrentUser user, BeneficiaryErasure erasure, DeferredAuditEntries trail)
    : ICommandHandler<AnonymiseExpiredBeneficiaryCommand>
{
    public async ValueTask<Unit> Handle(AnonymiseExpiredBeneficiaryCommand command, CancellationToken cancellationToken)
    {
        var beneficiary = await db.Beneficiaries.SingleOrDefaultAsync(b => b.Id == command.BeneficiaryId, cancellationToken)
            ?? throw new NotFoundException(nameof(Beneficiary), command.BeneficiaryId);
        await erasure.EraseAsync(beneficiary, cancellationToken);
        trail.Add(new AuditRecord(user.RequireOrganisationId(), null, user.ClientId, AuditActions.Anonymise, "Beneficiary.Retention", beneficiary.Id, AuditOutcomes.Success));
        return Unit.Value;
    }
}
