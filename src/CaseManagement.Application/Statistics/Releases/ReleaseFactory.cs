using System.Globalization;
using System.Text.Json;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Statistics.Disclosure;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Statistics;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Statistics.Releases;

/// <summary>Computes a period's figures, protects them, and makes the ledger entry that freezes them.</summary>
public sealed class ReleaseFactory(
    IStatisticsSource source, DisclosureControl control, IRequestFingerprints fingerprints, IContentDigest digest, INoiseSource noise,
    IOptions<StatisticsOptions> options, TimeProvider clock)
{
    /// <summary>
    /// How many figures one beneficiary record can change by one: a cell of the finest grouping per
    /// service, one for the total assisted, and the deduplicated total. The sensitivity the noise is
    /// scaled to; a person with records at several organisations changes more (docs/statistics.md).
    /// </summary>
    public static readonly int Sensitivity = Enum.GetValues<ServiceType>().Length + 2;

    public int Threshold => options.Value.Threshold;

    public double? Epsilon => options.Value.Epsilon;

    public string RuleText => (Epsilon is { } epsilon
            ? $"Discrete Laplace noise (differential privacy, epsilon {epsilon.ToString(CultureInfo.InvariantCulture)}, sensitivity {Sensitivity}) was added to every count of the finest grouping before the tables were added up; negative counts became zero. "
            : string.Empty)
        + $"Counts from 1 to {Threshold - 1} are hidden, and so are the further cells needed to keep them from being worked out from totals, by anyone or by any member organisation from its own figures; zero is shown. A hidden cell is null (JSON) or 'x' (CSV, XLSX).";

    /// <summary>Whether the period's privacy budget still covers one more noisy release, given what its releases spent.</summary>
    public bool WithinBudget(IEnumerable<double?> spent) =>
        Epsilon is not { } epsilon || spent.Sum(e => e ?? 0) + epsilon <= options.Value.EpsilonBudgetPerPeriod + 1e-9;

    /// <summary>The keyed fingerprint of the period's unsuppressed figures and of the rule applied to them.</summary>
    public async Task<(StatisticsInput Input, string Fingerprint)> ReadAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var input = await source.ReadAsync(period, null, cancellationToken);
        var canonical = JsonSerializer.Serialize(new
        {
            Threshold,
            Populations = input.Populations.OrderBy(p => p.Service).ThenBy(p => p.OrganisationId).ThenBy(p => p.Sex).ThenBy(p => p.AgeBand).ThenBy(p => p.Exploitation),
            input.PeopleReachedByCampaigns,
            Trained = input.Trained.OrderBy(t => t.Category),
            Organisations = input.Organisations.OrderBy(o => o.Id),
            input.DeduplicatedAssisted,
        });
        return (input, fingerprints.Of(canonical));
    }

    /// <summary>
    /// A new release of a closed period: revision 1, or the next after <paramref name="previous"/>,
    /// hiding what it hid and whatever moved by less than k since.
    /// </summary>
    public StatisticsRelease Freeze(StatisticsPeriod period, StatisticsInput input, string fingerprint, StatisticsRelease? previous)
    {
        var layout = ReleaseLayout.For(Epsilon is { } epsilon ? Noisy(input, epsilon) : input, byOrganisation: true);
        var earlier = previous is null ? null : ReleaseJson.Deserialize(previous.Content);
        control.Apply(layout.Problem, Threshold,
            [.. layout.RevealingOverlap(Threshold, revision: earlier is not null), .. earlier is null ? [] : layout.HiddenIn(earlier).Concat(layout.ChangedLittleSince(earlier, Threshold))]);
        var revision = (previous?.Revision ?? 0) + 1;
        var document = layout.ToDocument(period, revision, provisional: false, new SuppressionRule(Threshold, RuleText));
        var content = ReleaseJson.Serialize(document);
        return new StatisticsRelease(Guid.NewGuid(), period, revision, clock.GetUtcNow(), Threshold, Epsilon,
            string.Join(',', document.Tables.Select(t => t.Name).Prepend("Annual")), content, digest.Sha256(content), fingerprint);
    }

    /// <summary>
    /// The figures with noise on every cell of the finest grouping (service or none × organisation ×
    /// sex × age band × form of exploitation as the tables split it), empty cells included: a
    /// cell left out would say it was empty. Every table is a sum of these cells, so the tables still
    /// add up.
    /// </summary>
    private StatisticsInput Noisy(StatisticsInput input, double epsilon)
    {
        var scale = Sensitivity / epsilon;
        var exploitation = new[] { ExploitationTypes.None, ExploitationTypes.Sexual | ExploitationTypes.Labour }
            .Concat(Enum.GetValues<ExploitationTypes>().Where(t => t != ExploitationTypes.None)).ToList();
        var exact = input.Populations
            .GroupBy(p => (p.Service, p.OrganisationId, p.Sex, p.AgeBand, Exploitation: exploitation.First(e => ReleaseLayout.ExploitationColumn(e) == ReleaseLayout.ExploitationColumn(p.Exploitation))))
            .ToDictionary(g => g.Key, g => g.Sum(p => p.People));
        var noisy = new List<PopulationCount>();
        foreach (var service in Enum.GetValues<ServiceType>().Select(s => (ServiceType?)s).Append(null))
        {
            foreach (var organisation in input.Organisations)
            {
                foreach (var sex in Enum.GetValues<Sex>())
                {
                    foreach (var age in Enum.GetValues<AgeBand>())
                    {
                        foreach (var form in exploitation)
                        {
                            var people = exact.GetValueOrDefault((service, organisation.Id, sex, age, form)) + noise.DiscreteLaplace(scale);
                            if (people > 0)
                            {
                                noisy.Add(new PopulationCount(service, organisation.Id, sex, age, form, people));
                            }
                        }
                    }
                }
            }
        }

        return input with { Populations = noisy, DeduplicatedAssisted = Math.Max(0, input.DeduplicatedAssisted + noise.DiscreteLaplace(scale)) };
    }
}
