using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Statistics.Releases;
using CaseManagement.Domain.Statistics;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Statistics.Commands.FreezeReleases;

/// <summary>
/// Freezes every published kind of period (Statistics:PeriodKinds) of the revision window that has
/// closed and settled (Statistics:FreezeAfterDays) and has no release yet, and
/// freezes a numbered revision of any whose figures have changed since (records entered late).
/// System only: the daily freeze job sends it, and a rerun with nothing new adds nothing.
/// </summary>
public sealed record FreezeReleasesCommand : ICommand<int>;

internal sealed class FreezeReleasesHandler(IApplicationDbContext db, ReleaseFactory releases, IOptions<StatisticsOptions> options, TimeProvider clock)
    : ICommandHandler<FreezeReleasesCommand, int>
{
    public async ValueTask<int> Handle(FreezeReleasesCommand command, CancellationToken cancellationToken)
    {
        var today = CaseDates.Today(clock);
        var frozen = new List<StatisticsRelease>();
        foreach (var period in ClosedPeriods(today, options.Value.RevisionWindowMonths).Where(p => options.Value.PeriodKinds.Contains(p.Kind) && options.Value.IsSettled(p, today)))
        {
            var name = period.ToString();
            var ledger = await db.StatisticsReleases.Where(r => r.Period == name).OrderByDescending(r => r.Revision).ToListAsync(cancellationToken);
            var latest = ledger.FirstOrDefault();
            var (input, fingerprint) = await releases.ReadAsync(period, cancellationToken);
            // Once a period's privacy budget is spent, its figures stay as last released.
            if ((latest is null || latest.SourceFingerprint != fingerprint) && releases.WithinBudget(ledger.Select(r => r.Epsilon)))
            {
                frozen.Add(releases.Freeze(period, input, fingerprint, ledger));
            }
        }

        db.StatisticsReleases.AddRange(frozen);
        foreach (var release in frozen)
        {
            await releases.RecordAsync(release, cancellationToken);
        }

        return frozen.Count;
    }

    /// <summary>The months, quarters and years that have closed within the window, oldest first.</summary>
    private static IEnumerable<StatisticsPeriod> ClosedPeriods(DateOnly today, int windowMonths)
    {
        var from = today.AddMonths(-windowMonths);
        foreach (var kind in Enum.GetValues<PeriodKind>())
        {
            var periods = new List<StatisticsPeriod>();
            for (var period = StatisticsPeriod.Containing(kind, today).Previous(); period.End >= from; period = period.Previous())
            {
                periods.Add(period);
            }

            foreach (var period in Enumerable.Reverse(periods))
            {
                yield return period;
            }
        }
    }
}
