using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>The caseload of a social worker and of a lawyer, and a case's timeline as each reader may see it.</summary>
public abstract class CaseloadAndTimelineSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_caseload_shows_my_cases_coming_hearings_overdue_follow_ups_and_quiet_cases()
    {
        var (worker, workerId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (lawyer, _) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.Lawyer);
        var (caseId, legalCaseId) = await CaseWithLegalCaseAsync(worker, workerId, lawyer);
        var soon = await HearingAsync(lawyer, legalCaseId, 3);
        await HearingAsync(lawyer, legalCaseId, 30);
        var episode = (Guid)(await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "Reintegration", startDate = Fixture.DaysAgo(50) })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        var followUp = (Guid)(await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/services/{episode}/follow-ups", new { dueOn = Fixture.DaysAhead(0), purpose = "Call the employer." }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        // Time passes: the follow-up was due last week, and nothing was recorded on the case for 100 days.
        await Fixture.WithDbAsync(async db =>
        {
            await db.FollowUps.IgnoreQueryFilters().Where(f => f.Id == followUp).ExecuteUpdateAsync(s => s.SetProperty(f => f.DueOn, Fixture.Today().AddDays(-7)));
            return await db.Cases.IgnoreQueryFilters().Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityOn, Fixture.Today().AddDays(-100)));
        });

        var mine = await (await worker.GetAsync("/api/v1/me/caseload")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Contains(Items(mine, "cases"), c => (Guid)c["id"]! == caseId);
        Assert.Contains(Items(mine, "quietCases"), c => (Guid)c["id"]! == caseId);
        Assert.Equal(followUp, (Guid)Assert.Single(Items(mine, "overdueFollowUps"))["id"]!);
        var hearing = Assert.Single(Items(mine, "upcomingHearings"));
        Assert.Equal(soon, (Guid)hearing["hearingId"]!);
        Assert.Equal(Fixture.DaysAhead(3), (string?)hearing["date"]);
        Assert.Null(hearing["scheduledAt"]); // the worker reads the date, not the lawyer's details
        var year = await (await worker.GetAsync("/api/v1/me/caseload?days=366")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(soon, (Guid)Assert.Single(Items(year, "upcomingHearings"))["hearingId"]!); // only the next one

        var counsel = await (await lawyer.GetAsync("/api/v1/me/caseload?days=60")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Empty(Items(counsel, "cases"));
        Assert.Equal(2, Items(counsel, "upcomingHearings").Count);
        Assert.All(Items(counsel, "upcomingHearings"), h => Assert.NotNull(h["scheduledAt"]));

        var coordinator = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        await (await coordinator.GetAsync("/api/v1/me/caseload")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await worker.GetAsync("/api/v1/me/caseload?days=0")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await worker.GetAsync("/api/v1/me/caseload?days=367")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_timeline_lists_the_cases_events_as_each_reader_may_see_them()
    {
        var (worker, workerId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (lawyer, _) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.Lawyer);
        var (caseId, legalCaseId) = await CaseWithLegalCaseAsync(worker, workerId, lawyer);
        var first = await HearingAsync(lawyer, legalCaseId, 5);
        await HearingAsync(lawyer, legalCaseId, 40);
        await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "Counselling", startDate = Fixture.DaysAgo(40) })).ReadObjectAsync(HttpStatusCode.Created);
        var secret = $"Restricted timeline note {Guid.NewGuid():N}";
        await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content = "Met at the day centre." })).ReadObjectAsync(HttpStatusCode.Created);
        await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Restricted", content = secret })).ReadObjectAsync(HttpStatusCode.Created);

        var timeline = await TimelineAsync(worker, caseId);
        Assert.Equal(["CaseOpened", "Hearing", "LegalStageChanged", "Note", "Note", "ServiceStarted"], timeline.Select(e => (string)e["kind"]!).Order(StringComparer.Ordinal));
        Assert.Contains(timeline, e => (string?)e["text"] == secret); // its author reads it
        var next = Assert.Single(timeline, e => (string?)e["kind"] == "Hearing");
        Assert.Equal(first, (Guid)next["subjectId"]!);
        Assert.Null(next["at"]);
        Assert.Equal("FirstInstance", (string?)timeline.Single(e => (string?)e["kind"] == "LegalStageChanged")["detail"]);
        Assert.True(string.CompareOrdinal((string)timeline[0]["date"]!, (string)timeline[^1]["date"]!) >= 0, "newest first");

        // A colleague reads the case, but neither its restricted note nor its legal file.
        var colleague = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var seen = await TimelineAsync(colleague, caseId);
        Assert.DoesNotContain(seen, e => (string?)e["text"] == secret);
        Assert.DoesNotContain(seen, e => (string?)e["kind"] is "Hearing" or "LegalStageChanged");
        Assert.Contains(seen, e => (string?)e["text"] == "Met at the day centre.");

        await (await lawyer.GetAsync($"/api/v1/cases/{caseId}/timeline")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await Fixture.ClientAsync(Fixture.OrganisationB, Roles.SocialWorker)).GetAsync($"/api/v1/cases/{caseId}/timeline")).ProblemAsync(HttpStatusCode.NotFound);
        await (await worker.GetAsync($"/api/v1/cases/{Guid.CreateVersion7()}/timeline")).ProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(Guid CaseId, Guid LegalCaseId)> CaseWithLegalCaseAsync(HttpClient worker, Guid workerId, HttpClient lawyer)
    {
        var caseId = (Guid)(await (await worker.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await worker.RegisterAsync(Beneficiary("Caseload Person")), openedOn = Fixture.DaysAgo(200), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        var legalCase = await (await lawyer.PostJsonAsync($"/api/v1/cases/{caseId}/legal-cases", new
        {
            venueKind = "Court", venueName = "Judecatoria Iasi", fileNumber = "777/245/2026", offenceCategory = "TraffickingInPersons",
            proceduralRole = "CivilParty", protectiveMeasures = new[] { "ProtectedIdentity" }, stage = "FirstInstance", openedOn = Fixture.DaysAgo(60),
        })).ReadObjectAsync(HttpStatusCode.Created);
        return (caseId, (Guid)legalCase["id"]!);
    }

    private async Task<Guid> HearingAsync(HttpClient lawyer, Guid legalCaseId, int daysAhead) =>
        (Guid)(await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{legalCaseId}/hearings", new
        {
            scheduledAt = new DateTimeOffset(Fixture.Today().AddDays(daysAhead).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero), court = "Judecatoria Iasi, sala 2", purpose = "Termen de judecata",
        })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;

    private static async Task<List<JsonObject>> TimelineAsync(HttpClient client, Guid caseId) =>
        [.. JsonNode.Parse(await (await client.GetAsync($"/api/v1/cases/{caseId}/timeline")).Content.ReadAsStringAsync())!.AsArray().Select(e => e!.AsObject())];

    private static List<JsonObject> Items(JsonObject caseload, string name) => [.. caseload[name]!.AsArray().Select(e => e!.AsObject())];
}
