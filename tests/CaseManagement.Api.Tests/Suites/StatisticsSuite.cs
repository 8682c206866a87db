using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Statistics;
using CaseManagement.Application.Statistics.Releases;
using CaseManagement.Infrastructure.Tests.Statistics;
using static CaseManagement.Api.Tests.Infrastructure.StatisticsData;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>
/// The platform's figures end to end: counts of people with episodes overlapping a fixed period,
/// once per organisation and service; suppression no attacker can undo; frozen releases, byte for
/// byte the same on every request, in the ledger with their hash; refusals of anything but a
/// closed calendar period. Each test owns a year twenty or more years back, which no other test touches.
/// </summary>
public abstract class StatisticsSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    private const int K = 5;

    [Fact]
    public async Task The_yearly_table_counts_each_beneficiary_once_per_organisation_and_service_and_hides_what_could_point_to_someone()
    {
        var year = Fixture.Today().Year - 20;
        DateOnly On(int y, int m, int d) => new(year + y, m, d);
        var (northName, southName) = ("Statistics North " + Guid.NewGuid().ToString("N")[..8], "Statistics South " + Guid.NewGuid().ToString("N")[..8]);
        var north = await Fixture.CreateOrganisationAsync(northName);
        var south = await Fixture.CreateOrganisationAsync(southName);
        var northWorker = await Fixture.ClientAsync(north, Roles.SocialWorker);
        var southWorker = await Fixture.ClientAsync(south, Roles.SocialWorker);
        Person Woman(params Episode[] episodes) => new("Female", "From18To25", ["Sexual"], episodes);
        var residential = "Residential";
        var twice = Woman(new Episode(residential, On(-1, 6, 1), On(0, 2, 1)));         // straddles the start
        foreach (var person in new[]
        {
            twice,
            Woman(new Episode(residential, On(0, 12, 1), null)),                        // still open
            Woman(new Episode(residential, On(0, 3, 1), On(0, 3, 31))),
            Woman(new Episode(residential, On(0, 5, 1), On(0, 5, 20)), new Episode(residential, On(0, 7, 1), On(0, 8, 1))), // twice, counted once
            Woman(new Episode(residential, On(-1, 3, 1), On(1, 2, 1))),                 // spans the whole year
            Woman(new Episode(residential, On(0, 9, 1), On(0, 10, 1)), new Episode("Counselling", On(0, 9, 1), On(0, 11, 1))),
            new Person("Male", "Under14", ["Labour"], new Episode(residential, On(-1, 1, 1), On(-1, 12, 31)), new Episode("DayCentre", On(1, 1, 5), On(1, 2, 1))), // outside
        })
        {
            await RegisterAsync(northWorker, person);
        }

        foreach (var sex in new[] { "Female", "Female", "Female", "Female", "Male" })
        {
            var episodes = new List<Episode> { new("DayCentre", On(0, 4, 1), On(0, 6, 30)) };
            if (sex == "Female")
            {
                episodes.Add(new Episode("Counselling", On(0, 4, 1), On(0, 4, 30)));
            }

            await RegisterAsync(southWorker, new Person(sex, "From26To35", ["Labour", "Begging"], [.. episodes]));
        }

        // Served by both, under the same name and date of birth: counted by each, once in the deduplicated total.
        await RegisterAsync(southWorker, Woman(new Episode(residential, On(0, 6, 1), On(0, 6, 30))) with { Name = twice.Name.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal) });

        // Each organisation's own figures: exact, unsuppressed, its own people only.
        var northFigures = await (await (await Fixture.ClientAsync(north, Roles.Coordinator)).GetAsync($"/api/v1/figures/{year}")).ReadReleaseAsync();
        var southFigures = await (await (await Fixture.ClientAsync(south, Roles.Coordinator)).GetAsync($"/api/v1/figures/{year}")).ReadReleaseAsync();
        Assert.Equal([6, 0, 0, 0, 0, 1], northFigures.Annual.Services.Select(s => s.Beneficiaries));
        Assert.Equal([1, 5, 0, 0, 0, 4], southFigures.Annual.Services.Select(s => s.Beneficiaries));
        Assert.Equal((6L, 6L), (northFigures.Annual.BeneficiariesAssisted, southFigures.Annual.BeneficiariesAssisted));
        Assert.False(northFigures.Provisional);
        Assert.DoesNotContain(northFigures.Tables, t => t.Name == ReleaseLayout.ByOrganisation);
        Assert.Equal([4, 1, 0, 0], Row(southFigures, ReleaseLayout.BySex, "DayCentre"));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 5, 0], Row(southFigures, ReleaseLayout.ByExploitation, "DayCentre")); // Labour and begging: Multiple

        // The platform's release: the sum over organisations, hidden where small, and nothing an attacker can work back.
        var secretariat = await Fixture.ClientAsync(null, Roles.Secretariat);
        var release = await (await secretariat.GetAsync($"/api/v1/statistics/releases/{year}")).ReadReleaseAsync();
        Assert.Equal((year.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, K), (release.Period, release.Revision, release.Suppression.Threshold));
        // Residential is 7: 6 at North and 1 at South. Published, it would tell North that South has
        // exactly one person in a shelter, so it is hidden; the rest shows wherever it is shown at all.
        Assert.Null(release.Annual.Services[0].Beneficiaries);
        Assert.All(release.Annual.Services.Zip(new long[] { 7, 5, 0, 0, 0, 5 }), s => Assert.True(s.First.Beneficiaries is null || s.First.Beneficiaries == s.Second));
        Assert.Equal(12, release.Annual.BeneficiariesAssisted);
        Assert.Equal((null, null), (northFigures.Annual.BeneficiariesAssistedDeduplicated, southFigures.Annual.BeneficiariesAssistedDeduplicated));
        long deduplicated;
        await using (var scope = Fixture.Services.CreateAsyncScope())
        {
            deduplicated = (await scope.ServiceProvider.GetRequiredService<IStatisticsSource>().ReadAsync(StatisticsPeriod.OfYear(year), null, CancellationToken.None)).DeduplicatedAssisted;
        }

        Assert.Equal(11, deduplicated);

        // 12 summed and 11 deduplicated would tell that exactly one person was served by two NGOs: the second is hidden.
        Assert.Null(release.Annual.BeneficiariesAssistedDeduplicated);
        var truth = Truth(release, deduplicated, (northName, northFigures), (southName, southFigures));
        foreach (var (key, value) in ReleaseAttack.Cells(release).Where(c => c.Value is not null))
        {
            Assert.Equal(ReleaseAttack.Cells(truth).First(c => c.Key == key).Value, value);
        }

        Assert.Contains(ReleaseAttack.Cells(release), c => c.Value is null);
        Assert.Empty(ReleaseAttack.SmallPublished(release, K));
        Assert.Empty(ReleaseAttack.Exposed(release, truth, K));
        foreach (var (name, own) in new[] { (northName, northFigures), (southName, southFigures) })
        {
            var known = ReleaseAttack.Known(own, name);
            Assert.Empty(ReleaseAttack.SmallPublished(release, K, known));
            Assert.Empty(ReleaseAttack.Exposed(release, truth, K, known));
        }
    }

    [Fact]
    public async Task A_release_is_frozen_once_and_served_byte_for_byte_in_json_csv_and_xlsx_with_its_rule_and_its_ledger_line()
    {
        // A year no other test records anyone in (the yearly table's test reaches into the years either side
        // of its own), so that this release is the same whatever order the tests run in.
        var year = (Fixture.Today().Year - 30).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var secretariat = await Fixture.ClientAsync(null, Roles.Secretariat);
        var files = new Dictionary<string, (string Type, byte[] Bytes)>();
        foreach (var format in new[] { "json", "csv", "xlsx" })
        {
            var first = await secretariat.GetAsync($"/api/v1/statistics/releases/{year}?format={format}");
            var second = await secretariat.GetAsync($"/api/v1/statistics/releases/{year}?format={format}");
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
            var bytes = await first.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());
            files[format] = (first.Content.Headers.ContentType!.MediaType!, bytes);
        }

        Assert.Equal("application/json", files["json"].Type);
        Assert.Equal("text/csv", files["csv"].Type);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", files["xlsx"].Type);
        var csv = Encoding.UTF8.GetString(files["csv"].Bytes);
        Assert.StartsWith("Section,Row,Column,Value\r\nRelease,Period,,", csv, StringComparison.Ordinal);
        Assert.Contains("Release,Suppression,,\"Counts from 1 to 4 are hidden", csv, StringComparison.Ordinal);
        Assert.Contains("ServiceBySex,Residential,Female,0\r\n", csv, StringComparison.Ordinal);
        Assert.Equal("PK"u8.ToArray(), files["xlsx"].Bytes[..2]);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(files["xlsx"].Bytes));
        Assert.Equal(["Release", "Annual", ReleaseLayout.BySex, ReleaseLayout.ByAgeBand, ReleaseLayout.ByExploitation, ReleaseLayout.ByOrganisation], sheets);
        var rule = MiniExcelLibs.MiniExcel.Query(new MemoryStream(files["xlsx"].Bytes), useHeaderRow: true, sheetName: "Release").Cast<IDictionary<string, object>>()
            .Single(r => (string)r["Item"] == "Suppression");
        Assert.StartsWith("Counts from 1 to 4 are hidden", (string)rule["Value"], StringComparison.Ordinal);

        // The ledger lists it once, with the SHA-256 of exactly the bytes served.
        var ledger = await secretariat.LedgerAsync();
        var line = Assert.Single(ledger, l => (string?)l["period"] == year);
        Assert.Equal(1, (int)line["revision"]!);
        Assert.Equal(K, (int)line["threshold"]!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files["json"].Bytes)), (string?)line["contentHash"]);
        Assert.Equal(["Annual", ReleaseLayout.BySex, ReleaseLayout.ByAgeBand, ReleaseLayout.ByExploitation, ReleaseLayout.ByOrganisation], line["tables"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/api/v1/statistics/releases/{year}?revision=1")).StatusCode);
    }

    [Fact]
    public async Task Anything_but_a_closed_published_kind_of_calendar_period_is_refused()
    {
        var secretariat = await Fixture.ClientAsync(null, Roles.Secretariat);
        var closed = Fixture.Today().Year - 22;
        var before = await Fixture.FingerprintAsync();
        foreach (var path in new[]
        {
            $"{closed}-01-01..{closed}-02-15", $"{closed}-01-01", $"{closed}-13", $"{closed}-Q5", $"{closed}-W07", "last-year", "1989", $"{closed}-1",
            $"{closed}?from={closed}-01-01&to={closed}-02-15", $"{closed}?format=pdf", $"{closed}?format=csv&format=json", $"{closed}?revision=0", $"{closed}?revision=x",
            $"{closed}-Q2", $"{closed}-03", $"{Fixture.Today():yyyy-MM}", // months and quarters are not published unless configured
        })
        {
            await (await secretariat.GetAsync($"/api/v1/statistics/releases/{path}")).ProblemAsync(HttpStatusCode.BadRequest);
        }

        await (await (await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator)).GetAsync($"/api/v1/figures/{closed}-02-01..{closed}-03-01")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await secretariat.GetAsync("/api/v1/statistics/ledger?since=2020")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await Fixture.FingerprintAsync());

        // The open period has no release yet; an unknown revision of a closed one is not found.
        var open = (await secretariat.GetAsync($"/api/v1/statistics/releases/{Fixture.Today().Year}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("statistics.period-open", (string?)(await open)["code"]);
        await (await secretariat.GetAsync($"/api/v1/statistics/releases/{closed}?revision=7")).ProblemAsync(HttpStatusCode.NotFound);

        // The organisation's own figures for the open period are provisional.
        var provisional = await (await (await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator)).GetAsync($"/api/v1/figures/{Fixture.Today().Year}-Q{((Fixture.Today().Month - 1) / 3) + 1}")).ReadReleaseAsync();
        Assert.True(provisional.Provisional);
        Assert.Null(provisional.Revision);
    }

    private static long?[] Row(ReleaseDocument document, string table, string row) =>
        [.. document.Tables.Single(t => t.Name == table).Rows.Single(r => r.Label == row).Cells];

    /// <summary>The release as it would be unsuppressed: the two organisations' own figures added up (no other organisation has anyone in the period).</summary>
    private static ReleaseDocument Truth(ReleaseDocument release, long deduplicated, params (string Name, ReleaseDocument Figures)[] organisations)
    {
        static long Add(IEnumerable<long?> values) => values.Sum(v => v!.Value);
        var services = release.Annual.Services.Select((s, i) => s with { Beneficiaries = Add(organisations.Select(o => o.Figures.Annual.Services[i].Beneficiaries)) }).ToList();
        var tables = release.Tables.Select(table =>
        {
            if (table.Name == ReleaseLayout.ByOrganisation)
            {
                // A column per organisation; only the two have anyone in the period.
                long Cell(string column, int row) => organisations.Where(o => o.Name == column).Sum(o => o.Figures.Annual.Services[row].Beneficiaries!.Value);
                return table with
                {
                    Rows = [.. table.Rows.Select((r, i) => r with { Cells = [.. table.Columns.Select(n => (long?)Cell(n, i))], Total = services[i].Beneficiaries })],
                    Totals = table.Totals with { Cells = [.. table.Columns.Select(n => (long?)table.Rows.Select((_, i) => Cell(n, i)).Sum())], Total = services.Sum(s => s.Beneficiaries) },
                };
            }

            var own = organisations.Select(o => o.Figures.Tables.Single(t => t.Name == table.Name)).ToList();
            return table with
            {
                Rows = [.. table.Rows.Select((r, i) => r with { Cells = [.. r.Cells.Select((_, c) => (long?)Add(own.Select(t => t.Rows[i].Cells[c])))], Total = services[i].Beneficiaries })],
                Totals = table.Totals with { Cells = [.. table.Totals.Cells.Select((_, c) => (long?)Add(own.Select(t => t.Totals.Cells[c])))], Total = services.Sum(s => s.Beneficiaries) },
            };
        }).ToList();
        return release with { Annual = release.Annual with { Services = services, BeneficiariesAssisted = Add(organisations.Select(o => o.Figures.Annual.BeneficiariesAssisted)), BeneficiariesAssistedDeduplicated = deduplicated }, Tables = tables };
    }
}
