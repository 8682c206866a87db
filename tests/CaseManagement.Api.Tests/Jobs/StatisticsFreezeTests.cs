using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Statistics.Commands.FreezeReleases;
using CaseManagement.Application.Statistics.Releases;
using CaseManagement.Domain.Auditing;
using CaseManagement.Domain.Statistics;
using CaseManagement.Infrastructure.Jobs;
using Mediator;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.StatisticsData;

namespace CaseManagement.Api.Tests.Jobs;

/// <summary>
/// The freeze job: closed periods frozen under the system identity, a rerun adding nothing, and a
/// record entered late for a frozen period making a numbered revision, while the first revision
/// stays in the ledger and is still served byte for byte.
/// </summary>
public sealed class StatisticsFreezeTests(StatisticsFreezeFixture fixture) : IClassFixture<StatisticsFreezeFixture>
{
    [Fact]
    public async Task Closed_periods_are_frozen_by_the_job_and_late_records_make_a_numbered_revision()
    {
        var month = StatisticsPeriod.Containing(PeriodKind.Month, fixture.Today()).Previous();
        var worker = await fixture.ClientAsync(fixture.OrganisationA, Roles.SocialWorker);
        var secretariat = await fixture.ClientAsync(null, Roles.Secretariat);
        var person = new Person("Female", "From18To25", ["Sexual"], new Episode("Residential", month.Start, month.Start.AddDays(5)));
        await RegisterAsync(worker, person);
        var job = fixture.Services.GetRequiredService<StatisticsJobs>();

        await job.FreezeReleasesAsync(CancellationToken.None);
        var ledger = await secretariat.LedgerAsync();
        Assert.Equal([1], Revisions(ledger, month));
        Assert.All(ledger, l => Assert.Equal(1, (int)l["revision"]!));
        var first = await (await secretariat.GetAsync($"/api/v1/statistics/releases/{month}")).Content.ReadAsByteArrayAsync();

        await job.FreezeReleasesAsync(CancellationToken.None); // nothing new: nothing frozen
        Assert.Equal(ledger.Count, (await secretariat.LedgerAsync()).Count);

        await RegisterAsync(worker, person); // entered late, for the frozen month
        await job.FreezeReleasesAsync(CancellationToken.None);
        var revised = await secretariat.LedgerAsync();
        Assert.Equal([2, 1], Revisions(revised, month));
        var latest = await (await secretariat.GetAsync($"/api/v1/statistics/releases/{month}")).ReadReleaseAsync();
        Assert.Equal(2, latest.Revision);
        Assert.Null(latest.Annual.BeneficiariesAssistedDeduplicated); // never in a revision: it would answer "is this person served elsewhere?"
        Assert.Equal(first, await (await secretariat.GetAsync($"/api/v1/statistics/releases/{month}?revision=1")).Content.ReadAsByteArrayAsync());

        // Each release keeps the members' shares of its cells for its later revisions: sealed, and bound to it.
        await using var scope = fixture.Services.CreateAsyncScope();
        var rows = await fixture.WithDbAsync(db => db.StatisticsReleases.AsNoTracking().Where(r => r.Period == month.ToString()).OrderBy(r => r.Revision).ToListAsync());
        var shareSeal = fixture.Services.GetRequiredService<IReleaseShareSeal>();
        Assert.All(rows, r => Assert.DoesNotContain(fixture.OrganisationA.ToString(), Encoding.UTF8.GetString(r.SealedShares!), StringComparison.OrdinalIgnoreCase));
        Assert.Contains(fixture.OrganisationA.ToString(), Encoding.UTF8.GetString(shareSeal.Open(rows[0].Id, rows[0].SealedShares!)!), StringComparison.OrdinalIgnoreCase);
        Assert.Null(shareSeal.Open(rows[1].Id, rows[0].SealedShares!));

        // Each freeze is in the platform's audit chain under an id that is the release's content hash: changing a
        // release's bytes, or removing its row, no longer matches the chain.
        var freezes = await fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.OrganisationId == AuditEntry.PlatformChain && e.Action == AuditActions.Freeze && e.EntityType == "StatisticsRelease")
            .Select(e => e.EntityId).ToListAsync());
        Assert.All(rows, r =>
        {
            Assert.Equal(Convert.ToHexString(SHA256.HashData(r.Content)), r.ContentHash, ignoreCase: true);
            Assert.Equal(ReleaseFactory.IdOf(r.ContentHash), r.Id);
            Assert.Contains(r.Id, freezes);
        });
        Assert.True((await scope.ServiceProvider.GetRequiredService<IAuditChainVerifier>().VerifyAsync(AuditEntry.PlatformChain, null, null, CancellationToken.None)).Intact);

        // Frozen by the system: the ledger's rows were written by nobody else, and nobody else may run the freeze.
        Assert.Equal(0, await fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.EntityType == "StatisticsRelease" && e.Action == "Create")));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FreezeReleasesCommand()));
    }

    private static int[] Revisions(List<JsonObject> ledger, StatisticsPeriod period) =>
        [.. ledger.Where(l => (string?)l["period"] == period.ToString()).Select(l => (int)l["revision"]!)];
}
