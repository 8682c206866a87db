using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Commands.AnonymiseExpired;

/// <summary>
/// The retention scan of one organisation: anonymises up to <see cref="BatchSize"/> people whose
/// cases are all closed and whose last closure (or, with no case, registration) is older than the
/// organisation's retention period, unless held. Each is audited as <c>Anonymise Beneficiary.Retention</c>
/// by the system. System only: the daily job sends it, per organisation, until it returns less than a batch.
/// </summary>
public sealed record AnonymiseExpiredCommand(int BatchSize = AnonymiseExpiredCommand.DefaultBatchSize) : ICommand<int>
{
    public const int DefaultBatchSize = 100;
}

internal sealed class AnonymiseExpiredHandler(
    IApplicationDbContext db, ICurrentUser user, TimeProvider clock, BeneficiaryErasure erasure, DeferredAuditEntries trail)
    : ICommandHandler<AnonymiseExpiredCommand, int>
{
    public async ValueTask<int> Handle(AnonymiseExpiredCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var years = await db.Organisations.Where(o => o.Id == organisation).Select(o => o.RetentionYearsAfterClosure).SingleAsync(cancellationToken);
        if (years is not { } period)
        {
            return 0;
        }

        var cutoff = CaseDates.Today(clock).AddYears(-period);
        var held = BeneficiaryErasure.HeldByLegalCases(db);
        var candidates = await db.Beneficiaries
            .Where(b => b.AnonymisedAt == null && b.LegalHold == null && !held.Contains(b.Id)
                && !db.Cases.Any(c => c.BeneficiaryId == b.Id && (c.Status != CaseStatus.Closed || c.ClosedOn > cutoff)))
            .Select(b => new { b.Id, b.RegisteredAt, HasCases = db.Cases.Any(c => c.BeneficiaryId == b.Id) })
            .ToListAsync(cancellationToken);
        // Registration times are compared here: SQLite cannot order DateTimeOffset values in SQL.
        var expired = candidates.Where(c => c.HasCases || DateOnly.FromDateTime(c.RegisteredAt.UtcDateTime) <= cutoff)
            .Select(c => c.Id).Order().Take(command.BatchSize).ToList();
        foreach (var id in expired)
        {
            var beneficiary = await db.Beneficiaries.SingleAsync(b => b.Id == id, cancellationToken);
            await erasure.EraseAsync(beneficiary, cancellationToken);
            trail.Add(new AuditRecord(organisation, null, user.ClientId, AuditActions.Anonymise, "Beneficiary.Retention", id, AuditOutcomes.Success));
        }

        return expired.Count;
    }
}
