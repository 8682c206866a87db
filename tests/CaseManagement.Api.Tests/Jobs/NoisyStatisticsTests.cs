using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
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

        // Ten people were served in the month. The noisy release differs from the exact figures: the service's
        // figure and the total assisted would both have to draw a noise of exactly zero (about 1 in 4,000).
        var worker = await fixture.ClientAsync(fixture.OrganisationA, Roles.SocialWorker);
        for (var i = 0; i < 10; i++)
        {
            await RegisterAsync(worker, new Person("Female", "From18To25", ["Sexual"], new Episode("Residential", month.Start, month.End)));
        }

        await job.FreezeReleasesAsync(CancellationToken.None);
        var release = await (await secretariat.GetAsync($"/api/v1/statistics/releases/{month}")).ReadReleaseAsync();
        Assert.False(
            release.Annual.Services.Single(s => s.Service == ServiceType.Residential).Beneficiaries == 10 && release.Annual.BeneficiariesAssisted == 10,
            "the release shows the exact figures");
        Assert.StartsWith("Discrete Laplace noise (differential privacy, epsilon 1,", release.Suppression.Rule, StringComparison.Ordinal);
        var line = Assert.Single(await secretariat.LedgerAsync(), l => (string?)l["period"] == month.ToString());
        Assert.Equal(1.0, (double)line["epsilon"]!);

        // A late record would make a revision, but a second ε of 1 is over the budget of 1.5: none is frozen.
        await RegisterAsync(worker,
            new Person("Female", "From18To25", ["Sexual"], new Episode("Residential", month.Start, month.Start.AddDays(3))));
        await job.FreezeReleasesAsync(CancellationToken.None);
        Assert.Single(await secretariat.LedgerAsync(), l => (string?)l["period"] == month.ToString());
    }
}
