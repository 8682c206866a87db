using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Statistics;
using CaseManagement.Domain.Activities;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Statistics;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Infrastructure.Statistics;

/// <summary>
/// Reads every organisation's rows past the tenant filter, which only this reader does, and only
/// through GROUP BY and COUNT(DISTINCT …) in the database: what comes back is a few hundred groups of
/// coarse attributes with their counts, never a row, an id of a person or a personal value. The one
/// exception is the sealed platform pseudonyms, read to be compared in memory and then dropped.
/// </summary>
internal sealed class StatisticsSource(ApplicationDbContext db, PlatformPseudonyms pseudonyms, IServiceProvider services) : IStatisticsSource
{
    public async Task<StatisticsInput> ReadAsync(StatisticsPeriod period, Guid? organisationId, CancellationToken cancellationToken)
    {
        // An organisation's own figures do not show the deduplicated total (GetOrganisationFigures says why).
        if (organisationId is not null)
        {
            return await CountAsync(period, organisationId, cancellationToken);
        }

        // The pseudonyms are read on a second context of the same caller, alongside the counts:
        // the two scans take about as long each, and the database has the cores for both.
        await using var second = ActivatorUtilities.CreateInstance<ApplicationDbContext>(services);
        var deduplicated = DeduplicatedAsync(second, period, cancellationToken);
        var counted = CountAsync(period, null, cancellationToken);
        await Task.WhenAll(deduplicated, counted);
        return (await counted) with { DeduplicatedAssisted = await deduplicated };
    }

    /// <summary>The episodes overlapping the period, with whose they are, past the tenant filter.</summary>
    private static IQueryable<ServedEpisode> Episodes(ApplicationDbContext context, StatisticsPeriod period, Guid? organisationId)
    {
        var (start, end) = (period.Start, period.End);
        return
            from e in context.ServiceEpisodes.IgnoreQueryFilters()
            join c in context.Cases.IgnoreQueryFilters() on e.CaseId equals c.Id
            where e.StartDate <= end && (e.EndDate == null || e.EndDate >= start)
            where organisationId == null || e.OrganisationId == organisationId
            select new ServedEpisode { Type = e.Type, OrganisationId = e.OrganisationId, BeneficiaryId = c.BeneficiaryId };
    }

    /// <summary>
    /// The deduplicated count compares pseudonyms here, in memory: stored sealed, they can be
    /// compared nowhere else. One sealed value (60 bytes) per person served in the period.
    /// </summary>
    private async Task<long> DeduplicatedAsync(ApplicationDbContext context, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var served = Episodes(context, period, null).Select(x => x.BeneficiaryId);
        return await pseudonyms.CountPeopleAsync(
            context.Beneficiaries.IgnoreQueryFilters().Where(b => served.Contains(b.Id)).Select(b => b.SealedPlatformPseudonym).AsAsyncEnumerable(),
            cancellationToken);
    }

    private async Task<StatisticsInput> CountAsync(StatisticsPeriod period, Guid? organisationId, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var episodes = Episodes(db, period, organisationId);

        // One pass: first, per person and organisation, which services they had (a 0/1 flag each,
        // so a person counts once per service however many episodes); then, per combination of
        // attributes, how many people had each service and how many had any. Each aggregation is a
        // hash GROUP BY; COUNT(DISTINCT …) would sort every overlapping episode once per grouping.
        var perPerson =
            from x in episodes
            group x.Type by new { x.BeneficiaryId, x.OrganisationId } into g
            select new
            {
                g.Key.BeneficiaryId,
                g.Key.OrganisationId,
                Residential = g.Max(t => t == ServiceType.Residential ? 1 : 0),
                DayCentre = g.Max(t => t == ServiceType.DayCentre ? 1 : 0),
                Reintegration = g.Max(t => t == ServiceType.Reintegration ? 1 : 0),
                CriminalProcedure = g.Max(t => t == ServiceType.CriminalProcedureAssistance ? 1 : 0),
                Repatriation = g.Max(t => t == ServiceType.Repatriation ? 1 : 0),
                Counselling = g.Max(t => t == ServiceType.Counselling ? 1 : 0),
            };
        var groups = await (
            from p in perPerson
            join b in db.Beneficiaries.IgnoreQueryFilters() on p.BeneficiaryId equals b.Id
            group p by new { p.OrganisationId, b.Sex, Age = b.AgeBandAtIdentification, b.ExploitationTypes } into g
            select new
            {
                g.Key,
                Residential = g.Sum(p => p.Residential),
                DayCentre = g.Sum(p => p.DayCentre),
                Reintegration = g.Sum(p => p.Reintegration),
                CriminalProcedure = g.Sum(p => p.CriminalProcedure),
                Repatriation = g.Sum(p => p.Repatriation),
                Counselling = g.Sum(p => p.Counselling),
                Assisted = g.Count(),
            })
            .ToListAsync(cancellationToken);
        var populations = new List<PopulationCount>(groups.Count * 7);
        foreach (var g in groups)
        {
            foreach (var (service, count) in new (ServiceType? Service, long People)[]
            {
                (ServiceType.Residential, g.Residential), (ServiceType.DayCentre, g.DayCentre), (ServiceType.Reintegration, g.Reintegration),
                (ServiceType.CriminalProcedureAssistance, g.CriminalProcedure), (ServiceType.Repatriation, g.Repatriation),
                (ServiceType.Counselling, g.Counselling), (null, g.Assisted),
            })
            {
                if (count > 0)
                {
                    populations.Add(new PopulationCount(service, g.Key.OrganisationId, g.Key.Sex, g.Key.Age, g.Key.ExploitationTypes, count));
                }
            }
        }

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

        return new StatisticsInput(
            populations,
            reached,
            [.. trained.Select(t => new TrainedFigure(t.Category, t.People))],
            organisations);
    }

    private sealed class ServedEpisode
    {
        public ServiceType Type { get; init; }

        public Guid OrganisationId { get; init; }

        public Guid BeneficiaryId { get; init; }
    }
}
