using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Statistics.Queries.ListReleases;

/// <summary>The release ledger, newest first: every release ever frozen, with its parameters and content hash.</summary>
[Audited(AuditActions.List, "StatisticsRelease")]
[RequiresRole(Roles.Secretariat)]
[AllowsScope(MachineScopes.StatisticsRead)]
public sealed record ListReleasesQuery : IQuery<IReadOnlyList<ReleaseLedgerEntry>>;

internal sealed class ListReleasesHandler(IApplicationDbContext db) : IQueryHandler<ListReleasesQuery, IReadOnlyList<ReleaseLedgerEntry>>
{
    public async ValueTask<IReadOnlyList<ReleaseLedgerEntry>> Handle(ListReleasesQuery query, CancellationToken cancellationToken)
    {
        var entries = await db.StatisticsReleases.AsNoTracking()
            .Select(r => new { r.Period, r.PeriodEnd, r.Revision, r.FrozenAt, r.Tables, r.Threshold, r.Epsilon, r.ContentHash })
            .ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order date-times with offsets. The ledger grows by a few dozen lines a year.
        return [.. entries.OrderByDescending(e => e.FrozenAt).ThenByDescending(e => e.PeriodEnd).ThenBy(e => e.Period, StringComparer.Ordinal).ThenByDescending(e => e.Revision)
            .Select(e => new ReleaseLedgerEntry(e.Period, e.Revision, e.FrozenAt, e.Tables.Split(','), e.Threshold, e.Epsilon, e.ContentHash))];
    }
}
