using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Statistics;
using CaseManagement.Infrastructure.Jobs;
using static CaseManagement.Api.Tests.Infrastructure.StatisticsData;

namespace CaseManagement.Api.Tests.Jobs;

/// <summary>Differential privacy, when configured: noise in every release, ε in the ledger, and no release once a period's budget is spent.</summary>
public sealed class NoisyStatisticsTests(NoisyStatisticsFixture fixture) : IClassFixture<NoisyStatisticsFixture>
{
    [Fact]
    public async Task Releases_carry_noise_and_spend_a_budget_that_once_spent_refuses_further_revisions()
    {
        var month = StatisticsPeriod.Containing(PeriodKind.Month, fixture.Today()).Previous();
        var secretariat = await fixture.ClientAsync(null, Roles.Secretariat);
        var job = fixture.Services.GetRequiredService<StatisticsJobs>();

        // Nobody was served in the month, yet the noisy release shows people: noise on every empty cell (the
        // chance that all of some thousand cells drew zero or less is nil).
        await job.FreezeReleasesAsync(CancellationToken.None);
        var release = await (await secretariat.GetAsync($"/api/v1/statistics/releases/{month}")).ReadReleaseAsync();
        Assert.Contains(release.Annual.Services, s => s.Beneficiaries > 0);
        Assert.StartsWith("Discrete Laplace noise (differential privacy, epsilon 1,", release.Suppression.Rule, StringComparison.Ordinal);
        var line = Assert.Single(await secretariat.LedgerAsync(), l => (string?)l["period"] == month.ToString());
        Assert.Equal(1.0, (double)line["epsilon"]!);

        // A late record would make a revision, but a second ε of 1 is over the budget of 1.5: none is frozen.
        await RegisterAsync(await fixture.ClientAsync(fixture.OrganisationA, Roles.SocialWorker),
            new Person("Female", "From18To25", ["Sexual"], new Episode("Residential", month.Start, month.Start.AddDays(3))));
        await job.FreezeReleasesAsync(CancellationToken.None);
        Assert.Single(await secretariat.LedgerAsync(), l => (string?)l["period"] == month.ToString());
    }
}
