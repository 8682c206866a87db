using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Statistics;
using CaseManagement.Domain.Activities;
using CaseManagement.Domain.Statistics;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Statistics;

/// <summary>
/// Reads every organisation's rows past the tenant filter, which only this reader does, and only
/// through GROUP BY and COUNT(DISTINCT …) in the database: what comes back is a few hundred groups of
/// coarse attributes with their counts, never a row, an id of a person or a personal value. The one
/// exception is the sealed platform pseudonyms, read to be compared in memory and then dropped.
/// </summary>
internal sealed class StatisticsSource(ApplicationDbContext db, PlatformPseudonyms pseudonyms) : IStatisticsSource
{
    public async Task<StatisticsInput> ReadAsync(StatisticsPeriod period, Guid? organisationId, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var episodes =
            from e in db.ServiceEpisodes.IgnoreQueryFilters()
            join c in db.Cases.IgnoreQueryFilters() on e.CaseId equals c.Id
            join b in db.Beneficiaries.IgnoreQueryFilters() on c.BeneficiaryId equals b.Id
            where e.StartDate <= end && (e.EndDate == null || e.EndDate >= start)
            where organisationId == null || e.OrganisationId == organisationId
            select new { e.Type, e.OrganisationId, b.Sex, Age = b.AgeBandAtIdentification, b.ExploitationTypes, BeneficiaryId = b.Id };

        var byService = await episodes
            .GroupBy(x => new { x.Type, x.OrganisationId, x.Sex, x.Age, x.ExploitationTypes })
            .Select(g => new { g.Key, People = g.Select(x => x.BeneficiaryId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var assisted = await episodes
            .GroupBy(x => new { x.OrganisationId, x.Sex, x.Age, x.ExploitationTypes })
            .Select(g => new { g.Key, People = g.Select(x => x.BeneficiaryId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        // A campaign counts once, in the period it ends in, so that no audience is counted twice.
        var reached = await db.PreventionCampaigns.IgnoreQueryFilters()
            .Where(c => c.EndsOn >= start && c.EndsOn <= end && (organisationId == null || c.OrganisationId == organisationId))
            .SumAsync(c => (long)c.PeopleReached, cancellationToken);
        var trained = await (
            from p in db.Set<TrainingParticipants>()
            join s in db.TrainingSessions.IgnoreQueryFilters() on p.SessionId equals s.Id
            where s.Date >= start && s.Date <= end && (organisationId == null || s.OrganisationId == organisationId)
            group p by p.Category into g
            select new { Category = g.Key, People = g.Sum(p => (long)p.Count) })
            .ToListAsync(cancellationToken);
        var organisations = await db.Organisations
            .Where(o => organisationId == null || o.Id == organisationId)
            .Select(o => new OrganisationLabel(o.Id, o.Name))
            .ToListAsync(cancellationToken);

        // The deduplicated count compares pseudonyms here, in memory: stored sealed, they can be
        // compared nowhere else. One sealed value (60 bytes) per person served in the period.
        var served = episodes.Select(x => x.BeneficiaryId);
        var people = new HashSet<string>(StringComparer.Ordinal);
        var unmatched = 0L;
        await foreach (var sealedPseudonym in db.Beneficiaries.IgnoreQueryFilters().Where(b => served.Contains(b.Id)).Select(b => b.SealedPlatformPseudonym)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (sealedPseudonym is null || pseudonyms.TryOpen(sealedPseudonym) is not { } pseudonym)
            {
                unmatched++; // no pseudonym, or one that does not open: a person of its own
            }
            else
            {
                people.Add(pseudonym);
            }
        }

        return new StatisticsInput(
            [
                .. byService.Select(g => new PopulationCount(g.Key.Type, g.Key.OrganisationId, g.Key.Sex, g.Key.Age, g.Key.ExploitationTypes, g.People)),
                .. assisted.Select(g => new PopulationCount(null, g.Key.OrganisationId, g.Key.Sex, g.Key.Age, g.Key.ExploitationTypes, g.People)),
            ],
            reached,
            [.. trained.Select(t => new TrainedFigure(t.Category, t.People))],
            organisations,
            people.Count + unmatched);
    }
}
