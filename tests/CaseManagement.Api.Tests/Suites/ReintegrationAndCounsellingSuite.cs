using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>
/// Reintegration (plan goals, labour-market steps, follow-ups) and counselling (kind, sessions whose
/// notes are restricted notes) through HTTP: their rules, their refusals, and no plaintext at rest.
/// </summary>
public abstract class ReintegrationAndCounsellingSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_reintegration_plan_records_goals_labour_steps_and_follow_ups()
    {
        var (client, worker) = await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (_, episode) = await EpisodeAsync(client, worker, "Reintegration");

        var goal = await (await client.PostJsonAsync($"{episode}/goals", new { area = "Housing", description = "Rent a room in Cluj", targetDate = Fixture.DaysAhead(90) }))
            .ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal("Planned", (string?)goal["status"]);
        Assert.Equal(Fixture.DaysAgo(20), (string?)goal["statusOn"]);
        var moved = await (await client.PostJsonAsync($"{episode}/goals/{goal["id"]}/status", new { status = "InProgress", date = Fixture.DaysAgo(5) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("InProgress", (string?)moved["status"]);
        await (await client.PostJsonAsync($"{episode}/goals", new { area = "Employment", description = "Find work" })).ReadObjectAsync(HttpStatusCode.Created);
        var goals = await (await client.GetAsync($"{episode}/goals")).ReadObjectsAsync();
        Assert.Equal(["Rent a room in Cluj", "Find work"], goals.Select(g => (string?)g!["description"]));
        Assert.Equal([Fixture.DaysAhead(90), null], goals.Select(g => (string?)g!["targetDate"]));

        var course = await (await client.PostJsonAsync($"{episode}/labour-steps", new { kind = "Course", date = Fixture.DaysAgo(15), title = "Commis chef course" })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Null(course["employerName"]);
        var job = await (await client.PostJsonAsync($"{episode}/labour-steps", new { kind = "JobPlacement", date = Fixture.DaysAgo(10), title = "Line cook", employerName = "Bistro Napoca SRL" }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var still = await (await client.PostJsonAsync($"{episode}/labour-steps/{job["id"]}/outcome", new { outcome = "StillEmployed", date = Fixture.DaysAgo(3) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("StillEmployed", (string?)still["outcome"]);
        // A placement still held may end later; then its outcome is final.
        var ended = await (await client.PostJsonAsync($"{episode}/labour-steps/{job["id"]}/outcome", new { outcome = "ContractEnded", date = Fixture.DaysAgo(1) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(Fixture.DaysAgo(1), (string?)ended["outcomeOn"]);
        var final = await (await client.PostJsonAsync($"{episode}/labour-steps/{job["id"]}/outcome", new { outcome = "LeftJob", date = Fixture.DaysAgo(0) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("labour-step.outcome-final", (string?)final["code"]);
        var steps = await (await client.GetAsync($"{episode}/labour-steps")).ReadObjectsAsync();
        Assert.Equal(["Course", "JobPlacement"], steps.Select(s => (string?)s!["kind"]));
        Assert.Equal("Bistro Napoca SRL", (string?)steps[1]!["employerName"]);
        Assert.Equal("ContractEnded", (string?)steps[1]!["outcome"]);

        var later = await (await client.PostJsonAsync($"{episode}/follow-ups", new { dueOn = Fixture.DaysAhead(30), purpose = "Check the new job" })).ReadObjectAsync(HttpStatusCode.Created);
        var today = await (await client.PostJsonAsync($"{episode}/follow-ups", new { dueOn = Fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.Created);
        var done = await (await client.PostJsonAsync($"{episode}/follow-ups/{today["id"]}/done", new { doneOn = Fixture.DaysAgo(0), note = "Met at the centre.\nAll well." })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(Fixture.DaysAgo(0), (string?)done["doneOn"]);
        var twice = await (await client.PostJsonAsync($"{episode}/follow-ups/{today["id"]}/done", new { doneOn = Fixture.DaysAgo(0) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("follow-up.done", (string?)twice["code"]);
        var followUps = await (await client.GetAsync($"{episode}/follow-ups")).ReadObjectsAsync();
        Assert.Equal([(Guid)today["id"]!, (Guid)later["id"]!], followUps.Select(f => (Guid)f!["id"]!));
        Assert.Equal("Met at the centre.\nAll well.", (string?)followUps[0]!["note"]);
        Assert.Equal("Check the new job", (string?)followUps[1]!["purpose"]);
        Assert.Null(followUps[1]!["doneOn"]);
    }

    [Fact]
    public async Task Goals_move_forward_only_and_achieved_or_abandoned_is_final()
    {
        var (client, worker) = await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (_, episode) = await EpisodeAsync(client, worker, "Reintegration");
        async Task<string> GoalAsync() =>
            $"{episode}/goals/{(await (await client.PostJsonAsync($"{episode}/goals", new { area = "Education", description = "Finish school" })).ReadObjectAsync(HttpStatusCode.Created))["id"]}/status";
        Task<HttpResponseMessage> MoveAsync(string goal, string status, int daysAgo = 1) => client.PostJsonAsync(goal, new { status, date = Fixture.DaysAgo(daysAgo) });

        var first = await GoalAsync();
        Assert.Equal("goal.status-order", (string?)(await (await MoveAsync(first, "Planned")).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        await (await MoveAsync(first, "InProgress", 5)).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("goal.status-order", (string?)(await (await MoveAsync(first, "Planned")).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        Assert.Equal("goal.status-date", (string?)(await (await MoveAsync(first, "Achieved", 6)).ProblemAsync(HttpStatusCode.BadRequest))["code"]);
        await (await MoveAsync(first, "Achieved")).ReadObjectAsync(HttpStatusCode.OK);
        foreach (var status in new[] { "Abandoned", "InProgress", "Achieved" })
        {
            Assert.Equal("goal.final", (string?)(await (await MoveAsync(first, status)).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        var second = await GoalAsync();
        await (await MoveAsync(second, "Abandoned")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("goal.final", (string?)(await (await MoveAsync(second, "Achieved")).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        await (await client.PostJsonAsync($"{episode}/goals/{Guid.CreateVersion7()}/status", new { status = "InProgress", date = Fixture.DaysAgo(1) })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_outcome_must_fit_its_kind_of_step_and_only_a_placement_names_an_employer()
    {
        var (client, worker) = await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (_, episode) = await EpisodeAsync(client, worker, "Reintegration");
        async Task<string> StepAsync(string kind, string? employerName = null) =>
            $"{episode}/labour-steps/{(await (await client.PostJsonAsync($"{episode}/labour-steps", new { kind, date = Fixture.DaysAgo(10), title = "Step title", employerName })).ReadObjectAsync(HttpStatusCode.Created))["id"]}/outcome";

        var course = await StepAsync("Course");
        var qualification = await StepAsync("Qualification");
        var placement = await StepAsync("JobPlacement", "Fabrica de Pâine SA");
        (string Step, string Outcome)[] mismatches =
        [
            (course, "Obtained"), (course, "StillEmployed"), (qualification, "Completed"), (qualification, "Dismissed"), (placement, "Completed"), (placement, "NotObtained"),
        ];
        var before = await Fixture.FingerprintAsync();
        foreach (var (step, outcome) in mismatches)
        {
            var problem = await (await client.PostJsonAsync(step, new { outcome, date = Fixture.DaysAgo(1) })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("labour-step.outcome-kind", (string?)problem["code"]);
        }

        await (await client.PostJsonAsync(course, new { outcome = "Completed", date = Fixture.DaysAgo(11) })).ProblemAsync(HttpStatusCode.BadRequest); // before the step
        foreach (var body in new object[]
                 {
                     new { kind = "JobPlacement", date = Fixture.DaysAgo(1), title = "Cook" },
                     new { kind = "Course", date = Fixture.DaysAgo(1), title = "Baking", employerName = "Somebody SRL" },
                     new { kind = "Qualification", date = Fixture.DaysAgo(1), title = "Baker", employerName = "" },
                 })
        {
            var problem = await (await client.PostJsonAsync($"{episode}/labour-steps", body)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]!.AsObject().ContainsKey("employerName"), problem.ToJsonString());
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());
        await (await client.PostJsonAsync(course, new { outcome = "Dropped", date = Fixture.DaysAgo(1) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("labour-step.outcome-final", (string?)(await (await client.PostJsonAsync(course, new { outcome = "Completed", date = Fixture.DaysAgo(1) })).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        await (await client.PostJsonAsync(qualification, new { outcome = "Obtained", date = Fixture.DaysAgo(1) })).ReadObjectAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync(placement, new { outcome = "Dismissed", date = Fixture.DaysAgo(1) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("labour-step.outcome-final", (string?)(await (await client.PostJsonAsync(placement, new { outcome = "StillEmployed", date = Fixture.DaysAgo(0) })).ProblemAsync(HttpStatusCode.Conflict))["code"]);
    }

    [Fact]
    public async Task Bad_input_to_every_command_is_a_400_and_writes_nothing()
    {
        var (client, worker) = await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (_, reintegration) = await EpisodeAsync(client, worker, "Reintegration");
        var goal = await IdAsync(client, $"{reintegration}/goals", new { area = "Family", description = "Reconnect with sister" });
        var step = await IdAsync(client, $"{reintegration}/labour-steps", new { kind = "Course", date = Fixture.DaysAgo(5), title = "Tailoring" });
        var followUp = await IdAsync(client, $"{reintegration}/follow-ups", new { dueOn = Fixture.DaysAhead(3) });
        var (_, counselling) = await EpisodeAsync(client, worker, "Counselling");
        await SetKindAsync(client, counselling, "Psychological");
        var longLine = new string('x', 1001);

        (string Method, string Path, string Body)[] cases =
        [
            ("POST", $"{reintegration}/goals", "{\"description\": \"Work\"}"),
            ("POST", $"{reintegration}/goals", "{\"area\": \"Wealth\", \"description\": \"Work\"}"),
            ("POST", $"{reintegration}/goals", "{\"area\": \"Housing\", \"description\": \"   \"}"),
            ("POST", $"{reintegration}/goals", "{\"area\": \"Housing\", \"description\": \"\"}"),
            ("POST", $"{reintegration}/goals", $"{{\"area\": \"Housing\", \"description\": \"{longLine}\"}}"),
            ("POST", $"{reintegration}/goals", "{\"area\": \"Housing\", \"description\": \"two\\nlines\"}"),
            ("POST", $"{reintegration}/goals", $"{{\"area\": \"Housing\", \"description\": \"Work\", \"targetDate\": \"{Fixture.DaysAhead(6 * 366)}\"}}"),
            ("POST", $"{reintegration}/goals", $"{{\"area\": \"Housing\", \"description\": \"Work\", \"targetDate\": \"{Fixture.DaysAgo(21)}\"}}"),
            ("POST", $"{reintegration}/goals/{goal}/status", $"{{\"date\": \"{Fixture.DaysAgo(1)}\"}}"),
            ("POST", $"{reintegration}/goals/{goal}/status", $"{{\"status\": \"Done\", \"date\": \"{Fixture.DaysAgo(1)}\"}}"),
            ("POST", $"{reintegration}/goals/{goal}/status", $"{{\"status\": \"InProgress\", \"date\": \"{Fixture.DaysAhead(5)}\"}}"),
            ("POST", $"{reintegration}/goals/{goal}/status", $"{{\"status\": \"InProgress\", \"date\": \"{Fixture.DaysAgo(25)}\"}}"),
            ("POST", $"{reintegration}/labour-steps", $"{{\"date\": \"{Fixture.DaysAgo(1)}\", \"title\": \"Course\"}}"),
            ("POST", $"{reintegration}/labour-steps", $"{{\"kind\": \"Internship\", \"date\": \"{Fixture.DaysAgo(1)}\", \"title\": \"Course\"}}"),
            ("POST", $"{reintegration}/labour-steps", $"{{\"kind\": \"Course\", \"date\": \"{Fixture.DaysAgo(1)}\", \"title\": \"\"}}"),
            ("POST", $"{reintegration}/labour-steps", $"{{\"kind\": \"Course\", \"date\": \"{Fixture.DaysAgo(1)}\", \"title\": \"{new string('t', 201)}\"}}"),
            ("POST", $"{reintegration}/labour-steps", $"{{\"kind\": \"Course\", \"date\": \"{Fixture.DaysAhead(10)}\", \"title\": \"Course\"}}"),
            ("POST", $"{reintegration}/labour-steps", $"{{\"kind\": \"Course\", \"date\": \"{Fixture.DaysAgo(21)}\", \"title\": \"Course\"}}"),
            ("POST", $"{reintegration}/labour-steps", $"{{\"kind\": \"JobPlacement\", \"date\": \"{Fixture.DaysAgo(1)}\", \"title\": \"Cook\", \"employerName\": \"{new string('e', 201)}\"}}"),
            ("POST", $"{reintegration}/labour-steps/{step}/outcome", $"{{\"date\": \"{Fixture.DaysAgo(1)}\"}}"),
            ("POST", $"{reintegration}/labour-steps/{step}/outcome", $"{{\"outcome\": \"Graduated\", \"date\": \"{Fixture.DaysAgo(1)}\"}}"),
            ("POST", $"{reintegration}/labour-steps/{step}/outcome", "{\"outcome\": \"Completed\"}"),
            ("POST", $"{reintegration}/follow-ups", "{}"),
            ("POST", $"{reintegration}/follow-ups", $"{{\"dueOn\": \"{Fixture.DaysAgo(1)}\"}}"),
            ("POST", $"{reintegration}/follow-ups", $"{{\"dueOn\": \"{Fixture.DaysAhead(6 * 366)}\"}}"),
            ("POST", $"{reintegration}/follow-ups", $"{{\"dueOn\": \"{Fixture.DaysAhead(1)}\", \"purpose\": \"\"}}"),
            ("POST", $"{reintegration}/follow-ups", $"{{\"dueOn\": \"{Fixture.DaysAhead(1)}\", \"purpose\": \"{new string('p', 501)}\"}}"),
            ("POST", $"{reintegration}/follow-ups/{followUp}/done", "{}"),
            ("POST", $"{reintegration}/follow-ups/{followUp}/done", $"{{\"doneOn\": \"{Fixture.DaysAhead(3)}\"}}"),
            ("POST", $"{reintegration}/follow-ups/{followUp}/done", $"{{\"doneOn\": \"{Fixture.DaysAgo(0)}\", \"note\": \"{new string('n', 4001)}\"}}"),
            ("POST", $"{reintegration}/follow-ups/{followUp}/done", $"{{\"doneOn\": \"{Fixture.DaysAgo(25)}\"}}"),
            ("PUT", $"{counselling}/counselling", "{}"),
            ("PUT", $"{counselling}/counselling", "{\"kind\": \"Spiritual\"}"),
            ("POST", $"{counselling}/sessions", $"{{\"date\": \"{Fixture.DaysAgo(1)}\", \"durationMinutes\": 4, \"counsellorId\": \"{worker}\"}}"),
            ("POST", $"{counselling}/sessions", $"{{\"date\": \"{Fixture.DaysAgo(1)}\", \"durationMinutes\": 481, \"counsellorId\": \"{worker}\"}}"),
            ("POST", $"{counselling}/sessions", $"{{\"date\": \"{Fixture.DaysAgo(1)}\", \"durationMinutes\": 50}}"),
            ("POST", $"{counselling}/sessions", $"{{\"date\": \"{Fixture.DaysAgo(1)}\", \"durationMinutes\": 50, \"counsellorId\": \"{Guid.Empty}\"}}"),
            ("POST", $"{counselling}/sessions", $"{{\"date\": \"{Fixture.DaysAhead(3)}\", \"durationMinutes\": 50, \"counsellorId\": \"{worker}\"}}"),
            ("POST", $"{counselling}/sessions", $"{{\"date\": \"{Fixture.DaysAgo(21)}\", \"durationMinutes\": 50, \"counsellorId\": \"{worker}\"}}"),
            ("POST", $"{counselling}/sessions", $"{{\"date\": \"{Fixture.DaysAgo(1)}\", \"durationMinutes\": 50, \"counsellorId\": \"{worker}\", \"note\": \"\"}}"),
            ("POST", $"{counselling}/sessions", $"{{\"date\": \"{Fixture.DaysAgo(1)}\", \"durationMinutes\": 50, \"counsellorId\": \"{worker}\", \"note\": \"{new string('n', 20_001)}\"}}"),
        ];

        var before = await Fixture.FingerprintAsync();
        foreach (var (method, path, body) in cases)
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(body) });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {body[..Math.Min(body.Length, 100)]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Details_need_an_ongoing_episode_of_their_type_on_an_open_case()
    {
        var (client, worker) = await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (caseId, reintegration) = await EpisodeAsync(client, worker, "Reintegration");
        var counselling = await StartAsync(client, caseId, "Counselling");
        var residential = await StartAsync(client, caseId, "Residential");
        var goal = await IdAsync(client, $"{reintegration}/goals", new { area = "Health", description = "See a dentist" });
        var followUp = await IdAsync(client, $"{reintegration}/follow-ups", new { dueOn = Fixture.DaysAhead(3) });

        var before = await Fixture.FingerprintAsync();
        foreach (var wrong in new[] { counselling, residential })
        {
            foreach (var (method, path, body) in ReintegrationWrites(wrong, goal, Guid.CreateVersion7(), followUp))
            {
                Assert.Equal("service.wrong-type", (string?)(await (await SendAsync(client, method, path, body)).ProblemAsync(HttpStatusCode.Conflict))["code"]);
            }

            foreach (var list in new[] { "goals", "labour-steps", "follow-ups" })
            {
                await (await client.GetAsync($"{wrong}/{list}")).ProblemAsync(HttpStatusCode.Conflict);
            }
        }

        foreach (var wrong in new[] { reintegration, residential })
        {
            await (await client.PutAsJsonAsync($"{wrong}/counselling", new { kind = "Vocational" }, ApiCalls.Json)).ProblemAsync(HttpStatusCode.Conflict);
            await (await client.PostJsonAsync($"{wrong}/sessions", new { date = Fixture.DaysAgo(1), durationMinutes = 50, counsellorId = worker })).ProblemAsync(HttpStatusCode.Conflict);
            await (await client.GetAsync($"{wrong}/sessions")).ProblemAsync(HttpStatusCode.Conflict);
            await (await client.GetAsync($"{wrong}/counselling")).ProblemAsync(HttpStatusCode.Conflict);
        }

        // A counselling episode takes sessions once its kind is set.
        var unset = await (await client.PostJsonAsync($"{counselling}/sessions", new { date = Fixture.DaysAgo(1), durationMinutes = 50, counsellorId = worker })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("counselling.kind-not-set", (string?)unset["code"]);
        Assert.Null((await (await client.GetAsync($"{counselling}/counselling")).ReadObjectAsync(HttpStatusCode.OK))["kind"]);
        Assert.Equal(before, await Fixture.FingerprintAsync());

        // An ended episode, and every episode of a closed case, takes no more details.
        await (await client.PostJsonAsync($"{reintegration}/end", new { endDate = Fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.OK);
        await SetKindAsync(client, counselling, "Vocational");
        var version = (int)(await (await client.GetAsync($"/api/v1/cases/{caseId}")).ReadObjectAsync(HttpStatusCode.OK))["version"]!;
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version, reason = "GoalsAchieved", closedOn = Fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.OK);
        before = await Fixture.FingerprintAsync();
        foreach (var (method, path, body) in ReintegrationWrites(reintegration, goal, Guid.CreateVersion7(), followUp).Where(w => !w.Path.Contains("/labour-steps/", StringComparison.Ordinal)))
        {
            Assert.Equal("case.closed", (string?)(await (await SendAsync(client, method, path, body)).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        await (await client.PutAsJsonAsync($"{counselling}/counselling", new { kind = "Psychological" }, ApiCalls.Json)).ProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostJsonAsync($"{counselling}/sessions", new { date = Fixture.DaysAgo(0), durationMinutes = 50, counsellorId = worker })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await Fixture.FingerprintAsync());
        Assert.Single(await (await client.GetAsync($"{reintegration}/goals")).ReadObjectsAsync()); // reading goes on
        Assert.Equal("Vocational", (string?)(await (await client.GetAsync($"{counselling}/counselling")).ReadObjectAsync(HttpStatusCode.OK))["kind"]);
    }

    [Fact]
    public async Task A_session_names_a_social_worker_of_the_organisation_as_its_counsellor()
    {
        var (client, worker) = await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (_, episode) = await EpisodeAsync(client, worker, "Counselling");
        await SetKindAsync(client, episode, "Psychological");
        var (_, lawyer) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Lawyer);
        var (_, foreign) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.SocialWorker);
        var (_, colleague) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);

        var before = await Fixture.FingerprintAsync();
        foreach (var counsellor in new[] { lawyer, foreign, Guid.CreateVersion7() })
        {
            await (await client.PostJsonAsync($"{episode}/sessions", new { date = Fixture.DaysAgo(1), durationMinutes = 50, counsellorId = counsellor, note = "Not kept." })).ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());
        var session = await (await client.PostJsonAsync($"{episode}/sessions", new { date = Fixture.DaysAgo(2), durationMinutes = 5, counsellorId = colleague })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.False((bool)session["hasNote"]!);
        await (await client.PostJsonAsync($"{episode}/sessions", new { date = Fixture.DaysAgo(1), durationMinutes = 480, counsellorId = worker })).ReadObjectAsync(HttpStatusCode.Created);
        var sessions = await (await client.GetAsync($"{episode}/sessions")).ReadObjectsAsync();
        Assert.Equal([colleague, worker], sessions.Select(s => (Guid)s!["counsellorId"]!));
        Assert.Equal([5, 480], sessions.Select(s => (int)s!["durationMinutes"]!));
    }

    [Fact]
    public async Task Session_notes_are_restricted_notes_for_their_author_and_designated_counsellors_only()
    {
        var owner = await Fixture.ClientAsync(Fixture.OrganisationA);
        var (assigned, assignedId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (counsellor, counsellorId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (colleague, _) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (caseId, episode) = await EpisodeAsync(owner, assignedId, "Counselling");
        await SetKindAsync(colleague, episode, "Psychological");

        var secret = $"Session disclosed {Guid.NewGuid():N}";
        var written = await (await assigned.PostJsonAsync($"{episode}/sessions", new { date = Fixture.DaysAgo(3), durationMinutes = 60, counsellorId, note = secret })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(secret, (string?)written["note"]);

        // The colleague (neither assigned nor designated) writes sessions, but no note.
        var before = await Fixture.FingerprintAsync();
        await (await colleague.PostJsonAsync($"{episode}/sessions", new { date = Fixture.DaysAgo(2), durationMinutes = 30, counsellorId, note = "A colleague's note." })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await Fixture.FingerprintAsync());
        await (await colleague.PostJsonAsync($"{episode}/sessions", new { date = Fixture.DaysAgo(2), durationMinutes = 30, counsellorId })).ReadObjectAsync(HttpStatusCode.Created);

        async Task<string?> NoteSeenByAsync(HttpClient reader)
        {
            var sessions = await (await reader.GetAsync($"{episode}/sessions")).ReadObjectsAsync();
            var first = sessions.Single(s => (Guid)s!["id"]! == (Guid)written["id"]!)!;
            Assert.True((bool)first["hasNote"]!);
            Assert.All(sessions.Where(s => s != first), s => Assert.False((bool)s!["hasNote"]!));
            var notes = await (await reader.GetAsync($"/api/v1/cases/{caseId}/notes")).ReadObjectAsync(HttpStatusCode.OK);
            Assert.Equal((string?)first["note"] is null ? 0 : 1, notes["items"]!.AsArray().Count(n => (string?)n!["content"] == secret));
            return (string?)first["note"];
        }

        Assert.Equal(secret, await NoteSeenByAsync(assigned));
        Assert.Null(await NoteSeenByAsync(counsellor)); // named as the session's counsellor, but not designated
        Assert.Null(await NoteSeenByAsync(colleague));
        Assert.Null(await NoteSeenByAsync(owner));
        await (await counsellor.PostJsonAsync($"{episode}/sessions", new { date = Fixture.DaysAgo(1), durationMinutes = 30, counsellorId, note = "Not designated yet." })).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NoContent, (await assigned.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = counsellorId })).StatusCode);
        Assert.Equal(secret, await NoteSeenByAsync(counsellor));
        Assert.Null(await NoteSeenByAsync(colleague));
        var own = await (await counsellor.PostJsonAsync($"{episode}/sessions", new { date = Fixture.DaysAgo(1), durationMinutes = 45, counsellorId, note = "The counsellor's own note." })).ReadObjectAsync(HttpStatusCode.Created);
        var seenByAssigned = await (await assigned.GetAsync($"{episode}/sessions")).ReadObjectsAsync();
        Assert.Null((string?)seenByAssigned.Single(s => (Guid)s!["id"]! == (Guid)own["id"]!)!["note"]); // the assigned worker reads restricted notes only by designation

        Assert.Equal(HttpStatusCode.NoContent, (await assigned.DeleteAsync($"/api/v1/cases/{caseId}/counsellors/{counsellorId}")).StatusCode);
        var afterRevocation = await (await counsellor.GetAsync($"{episode}/sessions")).ReadObjectsAsync();
        Assert.Null((string?)afterRevocation.Single(s => (Guid)s!["id"]! == (Guid)written["id"]!)!["note"]);
        Assert.Equal("The counsellor's own note.", (string?)afterRevocation.Single(s => (Guid)s!["id"]! == (Guid)own["id"]!)!["note"]); // still its author
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_every_detail_and_writes_nothing()
    {
        var (client, worker) = await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (caseId, reintegration) = await EpisodeAsync(client, worker, "Reintegration");
        var counselling = await StartAsync(client, caseId, "Counselling");
        await SetKindAsync(client, counselling, "Vocational");
        var goal = await IdAsync(client, $"{reintegration}/goals", new { area = "Legal", description = "Obtain an identity card" });
        var step = await IdAsync(client, $"{reintegration}/labour-steps", new { kind = "Qualification", date = Fixture.DaysAgo(2), title = "Forklift licence" });
        var followUp = await IdAsync(client, $"{reintegration}/follow-ups", new { dueOn = Fixture.DaysAhead(3) });
        await IdAsync(client, $"{counselling}/sessions", new { date = Fixture.DaysAgo(1), durationMinutes = 50, counsellorId = worker, note = "Org A only." });

        var (stranger, strangerId) = await Fixture.ActorAsync(Fixture.OrganisationB, Roles.SocialWorker);
        var before = await Fixture.FingerprintAsync();
        var writes = ReintegrationWrites(reintegration, goal, step, followUp)
            .Append(("PUT", $"{counselling}/counselling", (object)new { kind = "Psychological" }))
            .Append(("POST", $"{counselling}/sessions", new { date = Fixture.DaysAgo(1), durationMinutes = 50, counsellorId = strangerId, note = "Intruder." }));
        foreach (var (method, path, body) in writes)
        {
            await (await SendAsync(stranger, method, path, body)).ProblemAsync(HttpStatusCode.NotFound);
        }

        foreach (var path in new[] { $"{reintegration}/goals", $"{reintegration}/labour-steps", $"{reintegration}/follow-ups", $"{counselling}/counselling", $"{counselling}/sessions" })
        {
            await (await stranger.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task No_goal_step_follow_up_or_session_text_is_stored_or_logged_in_clear()
    {
        var canary = "Canary" + Guid.NewGuid().ToString("N")[..10];
        var values = new Dictionary<string, string>
        {
            ["description"] = $"{canary}Goal move to Brasov",
            ["title"] = $"{canary}Title pastry course",
            ["jobTitle"] = $"{canary}Title waiter",
            ["employerName"] = $"{canary}Employer Hotel Carpati",
            ["purpose"] = $"{canary}Purpose meet the employer",
            ["followUpNote"] = $"{canary}FollowUp note, doing well",
            ["sessionNote"] = $"{canary}Session note about the trauma",
        };
        foreach (var value in values.Values)
        {
            LogCanaries.Track(value);
        }

        var (client, worker) = await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (caseId, reintegration) = await EpisodeAsync(client, worker, "Reintegration");
        await IdAsync(client, $"{reintegration}/goals", new { area = "Housing", description = values["description"] });
        await IdAsync(client, $"{reintegration}/labour-steps", new { kind = "Course", date = Fixture.DaysAgo(3), title = values["title"] });
        await IdAsync(client, $"{reintegration}/labour-steps", new { kind = "JobPlacement", date = Fixture.DaysAgo(2), title = values["jobTitle"], employerName = values["employerName"] });
        var followUp = await IdAsync(client, $"{reintegration}/follow-ups", new { dueOn = Fixture.DaysAgo(0), purpose = values["purpose"] });
        await (await client.PostJsonAsync($"{reintegration}/follow-ups/{followUp}/done", new { doneOn = Fixture.DaysAgo(0), note = values["followUpNote"] })).ReadObjectAsync(HttpStatusCode.OK);
        var counselling = await StartAsync(client, caseId, "Counselling");
        await SetKindAsync(client, counselling, "Psychological");
        await IdAsync(client, $"{counselling}/sessions", new { date = Fixture.DaysAgo(1), durationMinutes = 50, counsellorId = worker, note = values["sessionNote"] });
        await client.GetAsync($"{reintegration}/goals");
        await client.GetAsync($"{reintegration}/labour-steps");
        await client.GetAsync($"{reintegration}/follow-ups");
        await client.GetAsync($"{counselling}/sessions");
        // Refused requests carrying the values must not leak them through their error paths either.
        await (await client.PostJsonAsync($"{reintegration}/labour-steps", new { kind = "Course", date = Fixture.DaysAgo(1), title = values["title"], employerName = values["employerName"] })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostJsonAsync($"{reintegration}/goals", new { area = "Housing", description = values["description"] + new string('x', 1000) })).ProblemAsync(HttpStatusCode.BadRequest);

        var stored = await Fixture.RawDatabaseContentsAsync();
        Assert.Contains(Fixture.OrganisationAName, stored, StringComparison.Ordinal); // the dump does read the data
        foreach (var (field, value) in values)
        {
            Assert.False(stored.Contains(value, StringComparison.OrdinalIgnoreCase), $"{field} is stored in clear");
            Assert.False(stored.Contains(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(value)), StringComparison.OrdinalIgnoreCase), $"{field} is stored in clear (hex)");
        }

        Assert.False(stored.Contains(canary, StringComparison.OrdinalIgnoreCase), "a canary fragment is stored in clear");
        var logs = string.Join('\n', Fixture.Logs.Lines);
        Assert.Contains("AddLabourStepCommand", logs, StringComparison.Ordinal); // logs were captured
        Assert.False(logs.Contains(canary, StringComparison.OrdinalIgnoreCase), "a canary value reached the logs");
    }

    /// <summary>Every write of a reintegration episode, with a valid body.</summary>
    private IEnumerable<(string Method, string Path, object Body)> ReintegrationWrites(string episode, Guid goal, Guid step, Guid followUp) =>
    [
        ("POST", $"{episode}/goals", new { area = "Other", description = "Any goal" }),
        ("POST", $"{episode}/goals/{goal}/status", new { status = "InProgress", date = Fixture.DaysAgo(0) }),
        ("POST", $"{episode}/labour-steps", new { kind = "Course", date = Fixture.DaysAgo(0), title = "Any course" }),
        ("POST", $"{episode}/labour-steps/{step}/outcome", new { outcome = "Obtained", date = Fixture.DaysAgo(0) }),
        ("POST", $"{episode}/follow-ups", new { dueOn = Fixture.DaysAhead(2) }),
        ("POST", $"{episode}/follow-ups/{followUp}/done", new { doneOn = Fixture.DaysAgo(0) }),
    ];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, object body) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(body, body.GetType(), options: ApiCalls.Json) });

    /// <summary>A new case assigned to <paramref name="worker"/>, opened 30 days ago, with an episode of <paramref name="type"/> started 20 days ago.</summary>
    private async Task<(Guid CaseId, string Episode)> EpisodeAsync(HttpClient client, Guid worker, string type)
    {
        var beneficiary = await client.RegisterAsync(Beneficiary("Service Details Person"));
        var opened = await (await client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = beneficiary, openedOn = Fixture.DaysAgo(30), assignedWorkerId = worker }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var caseId = (Guid)opened["id"]!;
        return (caseId, await StartAsync(client, caseId, type));
    }

    private async Task<string> StartAsync(HttpClient client, Guid caseId, string type) =>
        $"/api/v1/cases/{caseId}/services/{await IdAsync(client, $"/api/v1/cases/{caseId}/services", new { type, startDate = Fixture.DaysAgo(20) })}";

    private static async Task SetKindAsync(HttpClient client, string episode, string kind) =>
        await (await client.PutAsJsonAsync($"{episode}/counselling", new { kind }, ApiCalls.Json)).ReadObjectAsync(HttpStatusCode.OK);

    private static async Task<Guid> IdAsync(HttpClient client, string path, object body) =>
        (Guid)(await (await client.PostJsonAsync(path, body)).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
}
