using CaseManagement.Application.Statistics;
using CaseManagement.Application.Statistics.Disclosure;
using CaseManagement.Application.Statistics.Releases;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Statistics;
using CaseManagement.Infrastructure.Crypto;
using CsCheck;

namespace CaseManagement.Infrastructure.Tests.Statistics;

/// <summary>
/// Differential privacy's noise, with the real cryptographic source: the noisy tables still add up,
/// and the totals are not pushed up (clamping every small cell at zero and adding them up did).
/// </summary>
public sealed class NoiseTests
{
    private static readonly Guid Organisation = new(1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    [Fact]
    public void Fitting_gives_counts_of_zero_or_more_that_add_up_to_the_total_and_keeps_counts_that_already_do()
    {
        Gen.Select(Gen.Long[-60, 60].Array[1, 12], Gen.Long[0, 300]).Sample((noisy, total) =>
        {
            var fitted = ConsistentRounding.Fit(noisy, total);
            Assert.All(fitted, v => Assert.True(v >= 0));
            Assert.Equal(total, fitted.Sum());
        }, iter: 500, threads: 1);
        Assert.Equal([3, 0, 7], ConsistentRounding.Fit([3, 0, 7], 10));
        Assert.Equal([0, 0], ConsistentRounding.Fit([-4, 9], 0));
        Assert.Equal([0, 5], ConsistentRounding.Fit([-4, 9], 5));

        // Equal remainders: the extra units go to any of the cells, not always to the first ones.
        var units = new long[4];
        for (var i = 0; i < 400; i++)
        {
            var fitted = ConsistentRounding.Fit([0, 0, 0, 0], 2);
            for (var cell = 0; cell < units.Length; cell++)
            {
                units[cell] += fitted[cell];
            }
        }

        Assert.All(units, u => Assert.InRange(u, 120, 280)); // 200 each expected; the standard deviation is about 12
    }

    [Fact]
    public void A_noisy_release_still_adds_up_and_its_totals_are_not_pushed_up()
    {
        // 300 people in each service, spread over every sex and age band: the finest cells are small, most are empty.
        var input = new StatisticsInput(
            [.. Enum.GetValues<ServiceType>().SelectMany(service => Enumerable.Range(0, 300).Select(i =>
                new PopulationCount(service, Organisation, (Sex)(i % 4), (AgeBand)(i % 7), ExploitationTypes.Labour, 1)))
                .Append(new PopulationCount(null, Organisation, Sex.Female, AgeBand.Unknown, ExploitationTypes.Labour, 900))],
            0, [], [new OrganisationLabel(Organisation, "A")]) { DeduplicatedAssisted = 900 };
        var services = Enum.GetValues<ServiceType>().Length;
        const int Trials = 200;
        var grandTotals = new List<long>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var layout = ReleaseLayout.For(input, byOrganisation: true);
            layout.AddNoise(new CryptoNoiseSource(), scale: ReleaseFactory.Sensitivity / 1.0);
            var values = layout.Problem.Values;
            Assert.All(layout.Problem.Equations, e => Assert.Equal(values[e.Total], e.Members.Sum(m => values[m])));
            Assert.All(values, v => Assert.True(v >= 0));
            grandTotals.Add(layout.ToDocument(StatisticsPeriod.OfYear(2024), 1, provisional: false, new SuppressionRule(5, "test")).Tables[0].Totals.Total!.Value);
        }

        // Each service's total carries discrete Laplace noise of scale 32 (standard deviation about 45), so
        // the grand total's mean over 200 trials has a standard deviation of about 8: 60 is over 7 of them.
        // Clamped and summed over the finest cells, it came out hundreds of people too high.
        Assert.InRange(grandTotals.Average(), (300 * services) - 60, (300 * services) + 60);
        Assert.True(grandTotals.Distinct().Count() > 1, "the noise changed nothing");
    }
}
