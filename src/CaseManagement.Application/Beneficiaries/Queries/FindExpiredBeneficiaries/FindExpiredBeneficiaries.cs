using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Queries.FindExpiredBeneficiaries;

/// <summary>
/// The people of one organisation past its retention period: every case closed, the last closure
/// (or, with no case, the registration) older than the period, no legal hold, no legal case before
/// its end. Ids only. System only: the retention job asks, per organisation.
/// </summary>
public sealed record FindExpiredBeneficiariesQuery : IQuery<IReadOnlyList<Guid>>;

internal sealed class FindExpiredBeneficiariesHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<FindExpiredBeneficiariesQuery, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(FindExpiredBeneficiariesQuery query, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var years = await db.Organisations.Where(o => o.Id == organisation).Select(o => o.RetentionYearsAfterClosure).SingleAsync(cancellationToken);
        if (years is not { } period)
        {
            return [];
        }

        var cutoff = CaseDates.Today(clock).AddYears(-period);
        var held = BeneficiaryErasure.HeldByLegalCases(db);
        var candidates = await db.Beneficiaries.AsNoTracking()
            .Where(b => b.AnonymisedAt == null && b.LegalHold == null && !held.Contains(b.Id)
                && !db.Cases.Any(c => c.BeneficiaryId == b.Id && (c.Status != CaseStatus.Closed || c.ClosedOn > cutoff)))
            .Select(b => new { b.Id, b.RegisteredAt, HasCases = db.Cases.Any(c => c.BeneficiaryId == b.Id) })
            .ToListAsync(cancellationToken);
        // Registration times are compared here: SQLite cannot order DateTimeOffset values in SQL.
        return [.. candidates.Where(c => c.HasCases || DateOnly.FromDateTime(c.RegisteredAt.UtcDateTime) <= cutoff).Select(c => c.Id).Order()];
    }
}
