using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>Facilities and admissions, day-centre attendance and repatriation, through HTTP.</summary>
public abstract class ResidentialAndRepatriationSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task Coordinators_manage_facilities_and_social_workers_read_their_names_and_places_but_no_address()
    {
        var coordinator = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        var worker = await Fixture.ClientAsync(Fixture.OrganisationA);
        var created = await (await coordinator.PostJsonAsync("/api/v1/facilities", new { name = "Casa Speranta", places = 2, address = "Strada Florilor 3\nEtaj 1" }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var facilityId = (Guid)created["id"]!;
        Assert.Equal(0, (int)created["version"]!);
        Assert.True((bool)created["active"]!);

        var shown = (await (await coordinator.GetAsync("/api/v1/facilities")).ReadObjectsAsync()).Single(f => (Guid)f!["id"]! == facilityId)!;
        Assert.Equal("Casa Speranta", (string?)shown["name"]);
        Assert.Equal("Strada Florilor 3\nEtaj 1", (string?)shown["address"]);
        // A shelter's address stays with the coordinator: a social worker admits by the name and the free places.
        await (await worker.GetAsync("/api/v1/facilities")).ProblemAsync(HttpStatusCode.Forbidden);
        var occupancy = await (await worker.GetAsync("/api/v1/facilities/occupancy")).Content.ReadAsStringAsync();
        Assert.Contains("Casa Speranta", occupancy, StringComparison.Ordinal);
        Assert.DoesNotContain("Florilor", occupancy, StringComparison.Ordinal);
        await (await worker.PostJsonAsync("/api/v1/facilities", new { name = "Not mine to make", places = 2 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Lawyer)).GetAsync("/api/v1/facilities")).ProblemAsync(HttpStatusCode.Forbidden);

        var updated = await (await PutAsync(coordinator, $"/api/v1/facilities/{facilityId}", new { version = 0, name = "Casa Noua", places = 4, active = false })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)updated["version"]!);
        Assert.Equal("Casa Noua", (string?)updated["name"]);
        Assert.Null((string?)updated["address"]);
        Assert.False((bool)updated["active"]!);
        var stale = await (await PutAsync(coordinator, $"/api/v1/facilities/{facilityId}", new { version = 0, name = "Casa", places = 4, active = true })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrency.stale-version", (string?)stale["code"]);

        // An inactive facility takes nobody.
        var (caseId, episodeId) = await EpisodeAsync(worker, "Residential");
        var inactive = await (await worker.PostJsonAsync($"{Episode(caseId, episodeId)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(5) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("facility.inactive", (string?)inactive["code"]);
    }

    [Fact]
    public async Task Places_never_drop_below_the_residents_and_occupancy_counts_open_stays_only()
    {
        var coordinator = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        var worker = await Fixture.ClientAsync(Fixture.OrganisationA);
        var facilityId = await FacilityAsync(3);
        var stays = new List<(Guid CaseId, Guid EpisodeId)>();
        for (var i = 0; i < 2; i++)
        {
            var stay = await EpisodeAsync(worker, "Residential");
            await (await worker.PostJsonAsync($"{Episode(stay.CaseId, stay.EpisodeId)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(5) })).ReadObjectAsync(HttpStatusCode.Created);
            stays.Add(stay);
        }

        // Each admission moved the facility's version.
        var below = await (await PutAsync(coordinator, $"/api/v1/facilities/{facilityId}", new { version = 2, name = "Casa Trei", places = 1, active = true })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("facility.below-occupancy", (string?)below["code"]);
        Assert.Equal((3, 2, 1), await OccupancyAsync(worker, facilityId));

        await (await worker.PostJsonAsync($"{Episode(stays[0].CaseId, stays[0].EpisodeId)}/discharge", new { dischargedOn = Fixture.DaysAgo(1) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal((3, 1, 2), await OccupancyAsync(worker, facilityId));
        var exact = await (await PutAsync(coordinator, $"/api/v1/facilities/{facilityId}", new { version = 2, name = "Casa Trei", places = 1, active = true })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int)exact["version"]!);
        Assert.Equal((1, 1, 0), await OccupancyAsync(coordinator, facilityId));

        // The occupancy answer holds counts and the facility, nothing about who stays there.
        var raw = await (await worker.GetAsync("/api/v1/facilities/occupancy")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(stays[1].CaseId.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(stays[1].EpisodeId.ToString(), raw, StringComparison.OrdinalIgnoreCase);

        // Another organisation neither sees nor changes the facility, nor admits to it.
        var other = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.Coordinator);
        await (await PutAsync(other, $"/api/v1/facilities/{facilityId}", new { version = 3, name = "Taken", places = 5, active = true })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await (await other.GetAsync("/api/v1/facilities")).ReadObjectsAsync(), f => (Guid)f!["id"]! == facilityId);
        Assert.DoesNotContain(await (await other.GetAsync("/api/v1/facilities/occupancy")).ReadObjectsAsync(), f => (Guid)f!["id"]! == facilityId);
        var otherWorker = await Fixture.ClientAsync(Fixture.OrganisationB);
        var (otherCase, otherEpisode) = await EpisodeAsync(otherWorker, "Residential");
        await (await otherWorker.PostJsonAsync($"{Episode(otherCase, otherEpisode)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(1) })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stay_is_admitted_within_capacity_discharged_and_closed_with_its_episode_or_case()
    {
        var worker = await Fixture.ClientAsync(Fixture.OrganisationA);
        var facilityId = await FacilityAsync(1);
        var (caseId, episodeId) = await EpisodeAsync(worker, "Residential", startedDaysAgo: 30);
        var early = await (await worker.PostJsonAsync($"{Episode(caseId, episodeId)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(31) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("admission.before-start", (string?)early["code"]);
        var admitted = await (await worker.PostJsonAsync($"{Episode(caseId, episodeId)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(20) })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(facilityId, (Guid)admitted["facilityId"]!);
        Assert.Null((string?)admitted["dischargedOn"]);

        var twice = await (await worker.PostJsonAsync($"{Episode(caseId, episodeId)}/admission", new { facilityId = await FacilityAsync(5), admittedOn = Fixture.DaysAgo(19) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("admission.open", (string?)twice["code"]);
        var (fullCase, fullEpisode) = await EpisodeAsync(worker, "Residential");
        var full = await (await worker.PostJsonAsync($"{Episode(fullCase, fullEpisode)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(2) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("facility.full", (string?)full["code"]);

        var beforeAdmission = await (await worker.PostJsonAsync($"{Episode(caseId, episodeId)}/discharge", new { dischargedOn = Fixture.DaysAgo(21) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("admission.discharge-before-admission", (string?)beforeAdmission["code"]);
        await (await worker.PostJsonAsync($"{Episode(caseId, episodeId)}/discharge", new { dischargedOn = Fixture.DaysAhead(5) })).ProblemAsync(HttpStatusCode.BadRequest);
        var discharged = await (await worker.PostJsonAsync($"{Episode(caseId, episodeId)}/discharge", new { dischargedOn = Fixture.DaysAgo(10) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(Fixture.DaysAgo(10), (string?)discharged["dischargedOn"]);
        var none = await (await worker.PostJsonAsync($"{Episode(caseId, episodeId)}/discharge", new { dischargedOn = Fixture.DaysAgo(9) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("admission.none", (string?)none["code"]);

        // The freed place takes the next resident; ending that episode discharges her on its end date.
        await (await worker.PostJsonAsync($"{Episode(fullCase, fullEpisode)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(2) })).ReadObjectAsync(HttpStatusCode.Created);
        var endEarly = await (await worker.PostJsonAsync($"{Episode(fullCase, fullEpisode)}/end", new { endDate = Fixture.DaysAgo(3) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("episode.end-before-admission", (string?)endEarly["code"]);
        await (await worker.PostJsonAsync($"{Episode(fullCase, fullEpisode)}/end", new { endDate = Fixture.DaysAgo(1) })).ReadObjectAsync(HttpStatusCode.OK);
        var stays = await (await worker.GetAsync($"{Episode(fullCase, fullEpisode)}/admission")).ReadObjectsAsync();
        Assert.Equal(Fixture.DaysAgo(1), (string?)Assert.Single(stays)!["dischargedOn"]);
        Assert.Equal((1, 0, 1), await OccupancyAsync(worker, facilityId));
        var ended = await (await worker.PostJsonAsync($"{Episode(fullCase, fullEpisode)}/discharge", new { dischargedOn = TestDates.Iso(Fixture.Today()) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("episode.ended", (string?)ended["code"]);

        // Closing the case discharges the open stay on the closing date.
        var (closingCase, closingEpisode) = await EpisodeAsync(worker, "Residential");
        await (await worker.PostJsonAsync($"{Episode(closingCase, closingEpisode)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(4) })).ReadObjectAsync(HttpStatusCode.Created);
        var current = await (await worker.GetAsync($"/api/v1/cases/{closingCase}")).ReadObjectAsync(HttpStatusCode.OK);
        await (await worker.PostJsonAsync($"/api/v1/cases/{closingCase}/close", new { version = (int)current["version"]!, reason = "GoalsAchieved", closedOn = Fixture.DaysAgo(2) }))
            .ReadObjectAsync(HttpStatusCode.OK);
        var closedStay = Assert.Single(await (await worker.GetAsync($"{Episode(closingCase, closingEpisode)}/admission")).ReadObjectsAsync())!;
        Assert.Equal(Fixture.DaysAgo(2), (string?)closedStay["dischargedOn"]);
        Assert.Equal((1, 0, 1), await OccupancyAsync(worker, facilityId));
        var onClosed = await (await worker.PostJsonAsync($"{Episode(closingCase, closingEpisode)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(1) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case.closed", (string?)onClosed["code"]);
    }

    [Fact]
    public async Task Two_admissions_racing_for_the_last_place_never_both_succeed()
    {
        var worker = await Fixture.ClientAsync(Fixture.OrganisationA);
        for (var round = 0; round < 3; round++)
        {
            var facilityId = await FacilityAsync(1);
            var first = await EpisodeAsync(worker, "Residential");
            var second = await EpisodeAsync(worker, "Residential");
            var responses = await Task.WhenAll(
                worker.PostJsonAsync($"{Episode(first.CaseId, first.EpisodeId)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(1) }),
                worker.PostJsonAsync($"{Episode(second.CaseId, second.EpisodeId)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(1) }));
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal((1, 1, 0), await OccupancyAsync(worker, facilityId));
            Assert.Equal(1, await Fixture.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.FacilityId == facilityId)));
        }
    }

    [Fact]
    public async Task Attendance_is_recorded_once_per_date_and_activity_within_the_episode()
    {
        var worker = await Fixture.ClientAsync(Fixture.OrganisationA);
        var (caseId, episodeId) = await EpisodeAsync(worker, "DayCentre", startedDaysAgo: 10);
        var path = $"{Episode(caseId, episodeId)}/attendance";
        var recorded = await (await worker.PostJsonAsync(path, new { date = Fixture.DaysAgo(2), activity = "Vocational" })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal("Vocational", (string?)recorded["activity"]);
        await (await worker.PostJsonAsync(path, new { date = Fixture.DaysAgo(2), activity = "Meals" })).ReadObjectAsync(HttpStatusCode.Created);
        await (await worker.PostJsonAsync(path, new { date = Fixture.DaysAgo(1), activity = "Vocational" })).ReadObjectAsync(HttpStatusCode.Created);
        var duplicate = await (await worker.PostJsonAsync(path, new { date = Fixture.DaysAgo(2), activity = "Vocational" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("attendance.duplicate", (string?)duplicate["code"]);
        var early = await (await worker.PostJsonAsync(path, new { date = Fixture.DaysAgo(11), activity = "Meals" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("attendance.before-start", (string?)early["code"]);
        await (await worker.PostJsonAsync(path, new { date = Fixture.DaysAhead(3), activity = "Meals" })).ProblemAsync(HttpStatusCode.BadRequest);

        var page = await (await worker.GetAsync($"{path}?pageSize=2")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int)page["totalCount"]!);
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.Equal(Fixture.DaysAgo(1), (string?)page["items"]![0]!["date"]);
        await (await worker.GetAsync($"{path}?pageSize=1000")).ProblemAsync(HttpStatusCode.BadRequest);

        await (await worker.PostJsonAsync($"{Episode(caseId, episodeId)}/end", new { endDate = Fixture.DaysAgo(1) })).ReadObjectAsync(HttpStatusCode.OK);
        var ended = await (await worker.PostJsonAsync(path, new { date = Fixture.DaysAgo(1), activity = "Medical" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("episode.ended", (string?)ended["code"]);
    }

    [Fact]
    public async Task A_repatriation_moves_forward_one_step_at_a_time_and_keeps_its_history()
    {
        var worker = await Fixture.ClientAsync(Fixture.OrganisationA);
        var (caseId, episodeId) = await EpisodeAsync(worker, "Repatriation", startedDaysAgo: 20);
        var path = $"{Episode(caseId, episodeId)}/repatriation";
        await (await worker.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
        var saved = await (await PutAsync(worker, path, Route())).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("Requested", (string?)saved["status"]);
        Assert.Equal("IT", (string?)saved["fromCountry"]);
        Assert.Equal("RO", (string?)saved["toCountry"]);
        Assert.Equal(0, (int)saved["version"]!);

        // Changing the record needs the version read.
        var unversioned = await (await PutAsync(worker, path, Route(partnerName: "Consulatul Romaniei la Milano"))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrency.stale-version", (string?)unversioned["code"]);
        var changed = await (await PutAsync(worker, path, Route(partnerName: "Consulatul Romaniei la Milano", version: 0))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)changed["version"]!);
        Assert.Equal("Consulatul Romaniei la Milano", (string?)changed["partnerName"]);

        var skipped = await (await worker.PostJsonAsync($"{path}/status", new { status = "TravelArranged", date = Fixture.DaysAgo(5) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("repatriation.status-order", (string?)skipped["code"]);
        var beforeRequest = await (await worker.PostJsonAsync($"{path}/status", new { status = "DocumentsInProgress", date = Fixture.DaysAgo(21) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("repatriation.status-date", (string?)beforeRequest["code"]);
        await (await worker.PostJsonAsync($"{path}/status", new { status = "DocumentsInProgress", date = Fixture.DaysAhead(3) })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await worker.PostJsonAsync($"{path}/status", new { status = "DocumentsInProgress", date = Fixture.DaysAgo(10) })).ReadObjectAsync(HttpStatusCode.OK);
        var backwards = await (await worker.PostJsonAsync($"{path}/status", new { status = "Requested", date = Fixture.DaysAgo(9) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("repatriation.status-order", (string?)backwards["code"]);
        var earlier = await (await worker.PostJsonAsync($"{path}/status", new { status = "TravelArranged", date = Fixture.DaysAgo(11) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("repatriation.status-date", (string?)earlier["code"]);
        await (await worker.PostJsonAsync($"{path}/status", new { status = "TravelArranged", date = Fixture.DaysAgo(8) })).ReadObjectAsync(HttpStatusCode.OK);
        var noTravel = await (await worker.PostJsonAsync($"{path}/status", new { status = "Returned", date = Fixture.DaysAgo(6) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("repatriation.travel-date-required", (string?)noTravel["code"]);
        var returned = await (await worker.PostJsonAsync($"{path}/status", new { status = "Returned", date = Fixture.DaysAgo(6), actualTravelOn = Fixture.DaysAgo(6) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(Fixture.DaysAgo(6), (string?)returned["actualTravelOn"]);
        await (await worker.PostJsonAsync($"{path}/status", new { status = "FollowedUp", date = Fixture.DaysAgo(1) })).ReadObjectAsync(HttpStatusCode.OK);
        var beyond = await (await worker.PostJsonAsync($"{path}/status", new { status = "FollowedUp", date = Fixture.DaysAgo(1) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("repatriation.status-order", (string?)beyond["code"]);

        var read = await (await worker.GetAsync(path)).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("FollowedUp", (string?)read["status"]);
        Assert.Equal(
            ["Requested", "DocumentsInProgress", "TravelArranged", "Returned", "FollowedUp"],
            read["history"]!.AsArray().Select(h => (string)h!["status"]!));
        Assert.Equal(
            [Fixture.DaysAgo(20), Fixture.DaysAgo(10), Fixture.DaysAgo(8), Fixture.DaysAgo(6), Fixture.DaysAgo(1)],
            read["history"]!.AsArray().Select(h => (string)h!["date"]!));

        // A returned beneficiary's travel date stays.
        var cleared = await (await PutAsync(worker, path, Route(version: (int)read["version"]!))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("repatriation.travel-date-required", (string?)cleared["code"]);
    }

    [Fact]
    public async Task Details_need_an_ongoing_episode_of_their_type_on_an_open_case_of_the_organisation()
    {
        var worker = await Fixture.ClientAsync(Fixture.OrganisationA);
        var facilityId = await FacilityAsync(5);
        var (caseId, counselling) = await EpisodeAsync(worker, "Counselling");
        foreach (var (method, suffix, body) in new (HttpMethod, string, object?)[]
                 {
                     (HttpMethod.Post, "/admission", new { facilityId, admittedOn = Fixture.DaysAgo(1) }),
                     (HttpMethod.Post, "/discharge", new { dischargedOn = Fixture.DaysAgo(1) }),
                     (HttpMethod.Get, "/admission", null),
                     (HttpMethod.Post, "/attendance", new { date = Fixture.DaysAgo(1), activity = "Meals" }),
                     (HttpMethod.Get, "/attendance", null),
                     (HttpMethod.Put, "/repatriation", Route()),
                     (HttpMethod.Post, "/repatriation/status", new { status = "DocumentsInProgress", date = Fixture.DaysAgo(1) }),
                     (HttpMethod.Get, "/repatriation", null),
                 })
        {
            var request = new HttpRequestMessage(method, Episode(caseId, counselling) + suffix) { Content = body is null ? null : JsonContent.Create(body, options: ApiCalls.Json) };
            var wrongType = await (await worker.SendAsync(request)).ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("service.wrong-type", (string?)wrongType["code"]);

            // Another organisation's worker is told nothing exists.
            var other = await Fixture.ClientAsync(Fixture.OrganisationB);
            var foreign = new HttpRequestMessage(method, Episode(caseId, counselling) + suffix) { Content = body is null ? null : JsonContent.Create(body, options: ApiCalls.Json) };
            await (await other.SendAsync(foreign)).ProblemAsync(HttpStatusCode.NotFound);
        }

        // An episode of another case of the same organisation is not found either.
        var (otherCase, _) = await EpisodeAsync(worker, "DayCentre");
        var (_, dayCentre) = await EpisodeAsync(worker, "DayCentre");
        await (await worker.PostJsonAsync($"{Episode(otherCase, dayCentre)}/attendance", new { date = Fixture.DaysAgo(1), activity = "Meals" })).ProblemAsync(HttpStatusCode.NotFound);

        // A repatriation on a closed case: the episode ended with the case.
        var (closing, repatriation) = await EpisodeAsync(worker, "Repatriation");
        var current = await (await worker.GetAsync($"/api/v1/cases/{closing}")).ReadObjectAsync(HttpStatusCode.OK);
        await (await worker.PostJsonAsync($"/api/v1/cases/{closing}/close", new { version = (int)current["version"]!, reason = "Repatriated", closedOn = Fixture.DaysAgo(1) })).ReadObjectAsync(HttpStatusCode.OK);
        await (await PutAsync(worker, $"{Episode(closing, repatriation)}/repatriation", Route())).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_400_and_writes_nothing()
    {
        var coordinator = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        var worker = await Fixture.ClientAsync(Fixture.OrganisationA);
        var facilityId = await FacilityAsync(2);
        var (residentialCase, residential) = await EpisodeAsync(worker, "Residential", startedDaysAgo: 10);
        await (await worker.PostJsonAsync($"{Episode(residentialCase, residential)}/admission", new { facilityId, admittedOn = Fixture.DaysAgo(5) })).ReadObjectAsync(HttpStatusCode.Created);
        var (dayCase, dayCentre) = await EpisodeAsync(worker, "DayCentre");
        var (repatriationCase, repatriation) = await EpisodeAsync(worker, "Repatriation");
        await (await PutAsync(worker, $"{Episode(repatriationCase, repatriation)}/repatriation", Route())).ReadObjectAsync(HttpStatusCode.OK);
        var before = await Fixture.FingerprintAsync();

        var refused = new (HttpClient Client, HttpMethod Method, string Path, object Body)[]
        {
            (coordinator, HttpMethod.Post, "/api/v1/facilities", new { name = "Casa", places = 0 }),
            (coordinator, HttpMethod.Post, "/api/v1/facilities", new { name = "Casa", places = 501 }),
            (coordinator, HttpMethod.Post, "/api/v1/facilities", new { name = "  ", places = 3 }),
            (coordinator, HttpMethod.Post, "/api/v1/facilities", new { name = "Casa\u202Eevil", places = 3 }),
            (coordinator, HttpMethod.Post, "/api/v1/facilities", new { name = new string('c', 201), places = 3 }),
            (coordinator, HttpMethod.Post, "/api/v1/facilities", new { name = "Casa", places = 3, address = "a\u0001b" }),
            (coordinator, HttpMethod.Put, $"/api/v1/facilities/{facilityId}", new { name = "Casa", places = 3, active = true }),
            (coordinator, HttpMethod.Put, $"/api/v1/facilities/{facilityId}", new { version = 1, name = "Casa", places = 3 }),
            (worker, HttpMethod.Post, $"{Episode(residentialCase, residential)}/discharge", new { dischargedOn = "1900-01-01" }),
            (worker, HttpMethod.Post, $"{Episode(residentialCase, residential)}/discharge", new { dischargedOn = Fixture.DaysAhead(10) }),
            (worker, HttpMethod.Post, $"{Episode(residentialCase, residential)}/admission", new { facilityId = Guid.Empty, admittedOn = Fixture.DaysAgo(1) }),
            (worker, HttpMethod.Post, $"{Episode(dayCase, dayCentre)}/attendance", new { date = Fixture.DaysAgo(1) }),
            (worker, HttpMethod.Post, $"{Episode(dayCase, dayCentre)}/attendance", new { date = Fixture.DaysAgo(1), activity = "Dancing" }),
            (worker, HttpMethod.Post, $"{Episode(dayCase, dayCentre)}/attendance", new { date = Fixture.DaysAhead(2), activity = "Meals" }),
            (worker, HttpMethod.Put, $"{Episode(repatriationCase, repatriation)}/repatriation", Route(fromCountry: "XX", version: 0)),
            (worker, HttpMethod.Put, $"{Episode(repatriationCase, repatriation)}/repatriation", Route(toCountry: "ROU", version: 0)),
            (worker, HttpMethod.Put, $"{Episode(repatriationCase, repatriation)}/repatriation", Route(toCountry: "it", version: 0)),
            (worker, HttpMethod.Put, $"{Episode(repatriationCase, repatriation)}/repatriation", Route(partnerName: "Ambasada\nRomaniei", version: 0)),
            (worker, HttpMethod.Put, $"{Episode(repatriationCase, repatriation)}/repatriation", Route(partnerName: "", version: 0)),
            (worker, HttpMethod.Put, $"{Episode(repatriationCase, repatriation)}/repatriation", Route(actualTravelOn: Fixture.DaysAhead(5), version: 0)),
            (worker, HttpMethod.Put, $"{Episode(repatriationCase, repatriation)}/repatriation", Route(plannedTravelOn: Fixture.DaysAhead(365 * 3), version: 0)),
            (worker, HttpMethod.Post, $"{Episode(repatriationCase, repatriation)}/repatriation/status", new { date = Fixture.DaysAgo(1) }),
            (worker, HttpMethod.Post, $"{Episode(repatriationCase, repatriation)}/repatriation/status", new { status = "DocumentsInProgress", date = Fixture.DaysAhead(2) }),
        };
        foreach (var (client, method, path, body) in refused)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: ApiCalls.Json) });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {System.Text.Json.JsonSerializer.Serialize(body, ApiCalls.Json)}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Facility_and_partner_canaries_are_neither_stored_nor_logged_in_clear()
    {
        var canary = "Canary" + Guid.NewGuid().ToString("N")[..10];
        var values = new Dictionary<string, string>
        {
            ["facilityName"] = $"{canary}Shelter Name",
            ["facilityAddress"] = $"{canary}Shelter Street 9",
            ["partnerName"] = $"{canary}Embassy Name",
            ["partnerContact"] = $"{canary}Contact +39 02 000",
        };
        foreach (var value in values.Values)
        {
            LogCanaries.Track(value);
        }

        var coordinator = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        var worker = await Fixture.ClientAsync(Fixture.OrganisationA);
        var facility = await (await coordinator.PostJsonAsync("/api/v1/facilities", new { name = values["facilityName"], places = 4, address = values["facilityAddress"] }))
            .ReadObjectAsync(HttpStatusCode.Created);
        await (await coordinator.GetAsync("/api/v1/facilities")).ReadObjectsAsync();
        await (await worker.GetAsync("/api/v1/facilities/occupancy")).ReadObjectsAsync();
        var (caseId, episodeId) = await EpisodeAsync(worker, "Repatriation");
        var saved = await (await PutAsync(worker, $"{Episode(caseId, episodeId)}/repatriation", Route(partnerName: values["partnerName"], partnerContact: values["partnerContact"])))
            .ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(values["partnerContact"], (string?)saved["partnerContact"]);
        Assert.Equal(values["facilityName"], (string?)facility["name"]);
        // Rejected requests carrying the values must not leak them through their error path.
        await (await PutAsync(worker, $"{Episode(caseId, episodeId)}/repatriation", Route(partnerName: values["partnerName"] + new string('x', 300), version: 0))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await coordinator.PostJsonAsync("/api/v1/facilities", new { name = values["facilityName"], places = 0, address = values["facilityAddress"] })).ProblemAsync(HttpStatusCode.BadRequest);

        var stored = await Fixture.RawDatabaseContentsAsync();
        Assert.Contains(Fixture.OrganisationAName, stored, StringComparison.Ordinal); // the dump does read the data
        foreach (var (field, value) in values)
        {
            Assert.False(stored.Contains(value, StringComparison.OrdinalIgnoreCase), $"{field} is stored in clear");
        }

        Assert.False(stored.Contains(canary, StringComparison.OrdinalIgnoreCase), "a canary fragment is stored in clear");
        var logs = string.Join('\n', Fixture.Logs.Lines);
        Assert.Contains("SaveRepatriationCommand", logs, StringComparison.Ordinal); // logs were captured
        Assert.False(logs.Contains(canary, StringComparison.OrdinalIgnoreCase), "a canary value reached the logs");
    }

    private static string Episode(Guid caseId, Guid episodeId) => $"/api/v1/cases/{caseId}/services/{episodeId}";

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body) => client.PutAsJsonAsync(path, body, ApiCalls.Json);

    private static JsonObject Route(
        string fromCountry = "IT",
        string toCountry = "RO",
        string partnerName = "Ambasada Romaniei la Roma",
        string? partnerContact = "+39 06 000 0000",
        string? plannedTravelOn = null,
        string? actualTravelOn = null,
        int? version = null)
    {
        var body = new JsonObject
        {
            ["fromCountry"] = fromCountry,
            ["toCountry"] = toCountry,
            ["partnerKind"] = "Embassy",
            ["partnerName"] = partnerName,
            ["partnerContact"] = partnerContact,
            ["plannedTravelOn"] = plannedTravelOn,
            ["actualTravelOn"] = actualTravelOn,
        };
        if (version is { } v)
        {
            body["version"] = v;
        }

        return body;
    }

    private async Task<Guid> FacilityAsync(int places)
    {
        var coordinator = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        var created = await (await coordinator.PostJsonAsync("/api/v1/facilities", new { name = "Casa " + Guid.NewGuid().ToString("N")[..8], places }))
            .ReadObjectAsync(HttpStatusCode.Created);
        return (Guid)created["id"]!;
    }

    /// <summary>An ongoing episode of <paramref name="type"/> on a fresh case of the client's organisation.</summary>
    private async Task<(Guid CaseId, Guid EpisodeId)> EpisodeAsync(HttpClient client, string type, int startedDaysAgo = 40)
    {
        var beneficiary = await client.RegisterAsync(Beneficiary("Beneficiara " + Guid.NewGuid().ToString("N")[..8]));
        var caseId = (Guid)(await client.OpenCaseAsync(beneficiary, Fixture.DaysAgo(60)))["id"]!;
        var episode = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type, startDate = Fixture.DaysAgo(startedDaysAgo) })).ReadObjectAsync(HttpStatusCode.Created);
        return (caseId, (Guid)episode["id"]!);
    }

    private async Task<(int Places, int Occupied, int Free)> OccupancyAsync(HttpClient client, Guid facilityId)
    {
        var row = (await (await client.GetAsync("/api/v1/facilities/occupancy")).ReadObjectsAsync()).Single(f => (Guid)f!["id"]! == facilityId)!;
        return ((int)row["places"]!, (int)row["occupied"]!, (int)row["free"]!);
    }
}
