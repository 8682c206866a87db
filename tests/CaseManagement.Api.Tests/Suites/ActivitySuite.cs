using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>
/// The aggregate activity an organisation reports (prevention campaigns and trainings): counts
/// only, recorded and read by its coordinators, refused when they do not add up, and with their
/// free text encrypted like any other.
/// </summary>
public abstract class ActivitySuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_coordinator_records_campaigns_and_trainings_that_only_its_organisation_reads()
    {
        var coordinator = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        var other = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.Coordinator);
        var canary = Guid.NewGuid().ToString("N")[..10];
        var name = LogCanaries.Track($"Campania Ioana {canary}");
        var topic = LogCanaries.Track($"Training taught by Maria {canary}");

        var campaign = await (await coordinator.PostJsonAsync("/api/v1/activities/campaigns",
            new { name, startsOn = Fixture.DaysAgo(90), endsOn = Fixture.DaysAgo(60), channel = "Online", peopleReached = 78970 })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal((78970, "Online"), ((int)campaign["peopleReached"]!, (string?)campaign["channel"]));
        var training = await (await coordinator.PostJsonAsync("/api/v1/activities/trainings", new
        {
            date = Fixture.DaysAgo(10),
            topic,
            participants = new[] { new { category = "Teachers", count = 25 }, new { category = "PoliceOfficers", count = 14 } },
        })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(39, (int)training["total"]!);
        Assert.Equal(["Teachers", "PoliceOfficers"], training["participants"]!.AsArray().Select(p => (string?)p!["category"]));

        var campaigns = await (await coordinator.GetAsync("/api/v1/activities/campaigns")).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Contains(campaigns, c => (string?)c["name"] == name);
        var trainings = await (await coordinator.GetAsync("/api/v1/activities/trainings")).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Contains(trainings, t => (string?)t["topic"] == topic && (int)t["total"]! == 39);
        Assert.DoesNotContain(canary, await (await other.GetAsync("/api/v1/activities/campaigns")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(canary, await (await other.GetAsync("/api/v1/activities/trainings")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Fixture.ClientAsync(Fixture.OrganisationA)).GetAsync("/api/v1/activities/campaigns")).StatusCode);

        var stored = await Fixture.RawDatabaseContentsAsync();
        Assert.DoesNotContain(canary, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_that_do_not_add_up_are_refused_and_write_nothing()
    {
        var coordinator = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        var before = await Fixture.FingerprintAsync();
        var refused = new (string Path, object Body)[]
        {
            ("/api/v1/activities/campaigns", new { name = "Backwards", startsOn = Fixture.DaysAgo(10), endsOn = Fixture.DaysAgo(20), channel = "School", peopleReached = 5 }),
            ("/api/v1/activities/campaigns", new { name = "Negative", startsOn = Fixture.DaysAgo(10), endsOn = Fixture.DaysAgo(5), channel = "School", peopleReached = -1 }),
            ("/api/v1/activities/campaigns", new { name = "Future", startsOn = Fixture.DaysAhead(10), endsOn = Fixture.DaysAhead(20), channel = "Media", peopleReached = 5 }),
            ("/api/v1/activities/trainings", new { date = Fixture.DaysAgo(1), topic = "Nobody", participants = Array.Empty<object>() }),
            ("/api/v1/activities/trainings", new { date = Fixture.DaysAgo(1), topic = "Twice", participants = new[] { new { category = "Priests", count = 2 }, new { category = "Priests", count = 3 } } }),
            ("/api/v1/activities/trainings", new { date = Fixture.DaysAgo(1), topic = "Zero", participants = new[] { new { category = "Priests", count = 0 } } }),
        };
        foreach (var (path, body) in refused)
        {
            await (await coordinator.PostJsonAsync(path, body)).ProblemAsync(HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());
    }
}
