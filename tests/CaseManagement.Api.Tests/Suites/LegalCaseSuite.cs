using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>
/// The criminal-procedure module through HTTP with real tokens: a lawyer's whole work on a legal
/// case, the stage rules, refused input and conflicts, who sees what, and no plaintext at rest.
/// </summary>
public abstract class LegalCaseSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_lawyer_follows_a_legal_case_from_complaint_to_hearings_and_notes()
    {
        var (worker, lawyer, lawyerId, caseId) = await SetUpAsync();
        var episode = await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "CriminalProcedureAssistance", startDate = Fixture.DaysAgo(40) }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var categories = await (await lawyer.GetAsync("/api/v1/legal-cases/offence-categories")).ReadAsync<List<string>>(HttpStatusCode.OK);
        Assert.Equal(["TraffickingInPersons", "TraffickingInMinors", "Pimping", "ForcedLabour", "ChildPornography", "Other"], categories);

        var body = NewLegalCase(Fixture.DaysAgo(30));
        body["serviceEpisodeId"] = (Guid)episode["id"]!;
        var opened = await (await lawyer.PostAsync($"/api/v1/cases/{caseId}/legal-cases", Body(body))).ReadObjectAsync(HttpStatusCode.Created);
        var id = (Guid)opened["id"]!;
        Assert.Equal(lawyerId, (Guid)opened["assignedLawyerId"]!);
        Assert.Equal("Complaint", (string?)opened["stage"]);
        Assert.Equal(["ProtectedIdentity", "HearingByVideo"], opened["protectiveMeasures"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(15000.50m, (decimal)opened["amountClaimed"]!);
        Assert.Single(opened["stageHistory"]!.AsArray());

        var update = LegalCaseDetails();
        update["version"] = (int)opened["version"]!;
        update["assignedLawyerId"] = lawyerId;
        update["serviceEpisodeId"] = (Guid)episode["id"]!;
        update["protectiveMeasures"] = new JsonArray("RestrainingOrder");
        update["amountAwarded"] = 8000m;
        update["amountPaid"] = 2500.25m;
        var updated = await (await lawyer.PutAsync($"/api/v1/legal-cases/{id}", Body(update))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(["RestrainingOrder"], updated["protectiveMeasures"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(2500.25m, (decimal)updated["amountPaid"]!);

        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/stage", new { stage = "CriminalInvestigation", date = Fixture.DaysAgo(20) })).ReadObjectAsync(HttpStatusCode.OK);
        var past = await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings", new { scheduledAt = At(-3), court = "Tribunalul București, sala 4", purpose = "Audierea persoanei vătămate." }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var later = await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings", new { scheduledAt = At(60), court = "Tribunalul București" })).ReadObjectAsync(HttpStatusCode.Created);
        var recorded = await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings/{(Guid)past["id"]!}/outcome",
            new { outcome = "Amânat; martorul nu s-a prezentat.", nextScheduledAt = At(14), nextPurpose = "Audierea martorului." })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("Amânat; martorul nu s-a prezentat.", (string?)recorded["hearing"]!["outcome"]);
        Assert.Equal("Tribunalul București, sala 4", (string?)recorded["nextHearing"]!["court"]);

        var hearings = await (await lawyer.GetAsync($"/api/v1/legal-cases/{id}/hearings")).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Equal([(Guid)past["id"]!, (Guid)recorded["nextHearing"]!["id"]!, (Guid)later["id"]!], hearings.Select(h => (Guid)h["id"]!));

        var read = await (await lawyer.GetAsync($"/api/v1/legal-cases/{id}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("CriminalInvestigation", (string?)read["stage"]);
        Assert.Equal(["Complaint", "CriminalInvestigation"], read["stageHistory"]!.AsArray().Select(c => (string?)c!["stage"]));
        Assert.Equal(DateTimeOffset.Parse(At(14), System.Globalization.CultureInfo.InvariantCulture), (DateTimeOffset)read["nextHearingAt"]!);
        Assert.Equal("1234/2/2026", (string?)read["fileNumber"]);

        var mine = await (await lawyer.GetAsync("/api/v1/legal-cases?mine=true&pageSize=100")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Contains(mine["items"]!.AsArray(), l => (Guid)l!["id"]! == id);
        var (otherLawyer, _) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.Lawyer);
        var theirs = await (await otherLawyer.GetAsync("/api/v1/legal-cases?mine=true&pageSize=100")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(theirs["items"]!.AsArray(), l => (Guid)l!["id"]! == id);
        var all = await (await otherLawyer.GetAsync("/api/v1/legal-cases?pageSize=100")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Contains(all["items"]!.AsArray(), l => (Guid)l!["id"]! == id);

        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/notes", new { content = "Strategie: cerem audierea prin videoconferință." })).ReadObjectAsync(HttpStatusCode.Created);
        var notes = await (await otherLawyer.GetAsync($"/api/v1/legal-cases/{id}/notes")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("Strategie: cerem audierea prin videoconferință.", (string?)notes["items"]![0]!["content"]);

        var summary = await worker.GetAsync($"/api/v1/cases/{caseId}/legal-summary");
        var text = await summary.Content.ReadAsStringAsync();
        var entry = Assert.Single(JsonNode.Parse(text)!.AsArray())!;
        Assert.Equal("CriminalInvestigation", (string?)entry["stage"]);
        Assert.Equal("CivilParty", (string?)entry["proceduralRole"]);
        Assert.Equal(["RestrainingOrder"], entry["protectiveMeasures"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(Fixture.DaysAhead(14), (string?)entry["nextHearingOn"]);
        foreach (var secret in new[] { "1234/2/2026", "Tribunalul", "Audierea", "Strategie", "Amânat" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stages_move_forward_only_may_skip_and_never_date_back_or_ahead()
    {
        var (_, lawyer, _, caseId) = await SetUpAsync();
        var id = await OpenAsync(lawyer, caseId);
        async Task<HttpResponseMessage> StageAsync(string stage, string date) =>
            await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/stage", new { stage, date });

        await (await StageAsync("Indictment", Fixture.DaysAgo(20))).ReadObjectAsync(HttpStatusCode.OK); // skips the investigation
        await (await StageAsync("FirstInstance", Fixture.DaysAgo(20))).ReadObjectAsync(HttpStatusCode.OK); // same day is fine
        var before = await Fixture.FingerprintAsync();
        Assert.Equal("legal.stage-order", (string?)(await (await StageAsync("Complaint", Fixture.DaysAgo(10))).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        await (await StageAsync("FirstInstance", Fixture.DaysAgo(10))).ProblemAsync(HttpStatusCode.Conflict);
        await (await StageAsync("Appeal", Fixture.DaysAgo(21))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await StageAsync("Appeal", Fixture.DaysAhead(3))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await StageAsync("Finished", Fixture.DaysAgo(1))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await Fixture.FingerprintAsync());

        var final = await (await StageAsync("FinalJudgment", Fixture.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(["Complaint", "Indictment", "FirstInstance", "FinalJudgment"], final["stageHistory"]!.AsArray().Select(c => (string?)c!["stage"]));
    }

    [Fact]
    public async Task Every_command_refuses_bad_input_with_400_and_writes_nothing()
    {
        var (worker, lawyer, _, caseId) = await SetUpAsync();
        var id = await OpenAsync(lawyer, caseId);
        var hearing = (Guid)(await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings", new { scheduledAt = At(-1), court = "Judecătoria Sector 1" }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;

        JsonObject Breaking(Action<JsonObject> change)
        {
            var body = NewLegalCase(Fixture.DaysAgo(30));
            change(body);
            return body;
        }

        JsonObject BreakingUpdate(Action<JsonObject> change)
        {
            var body = LegalCaseDetails();
            body["version"] = 0;
            body["assignedLawyerId"] = Guid.CreateVersion7();
            change(body);
            return body;
        }

        (string Method, string Path, JsonNode Body)[] refused =
        [
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b["offenceCategory"] = "Jaywalking")),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b["amountClaimed"] = -1)),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b["amountClaimed"] = 10.555m)),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b["currency"] = "XYZ")),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b.Remove("currency"))),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => { b["amountAwarded"] = 100; b["amountPaid"] = 100.01m; })),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b["protectiveMeasures"] = new JsonArray("HearingByVideo", "HearingByVideo"))),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b["protectiveMeasures"] = new JsonArray("Bodyguard"))),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b["venueKind"] = "Police")),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b.Remove("stage"))),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b["openedOn"] = Fixture.DaysAhead(5))),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b["fileNumber"] = "12\n34")),
            ("POST", $"/api/v1/cases/{caseId}/legal-cases", Breaking(b => b["venueName"] = new string('v', 201))),
            ("PUT", $"/api/v1/legal-cases/{id}", BreakingUpdate(b => b.Remove("version"))),
            ("PUT", $"/api/v1/legal-cases/{id}", BreakingUpdate(b => b["assignedLawyerId"] = null)),
            ("PUT", $"/api/v1/legal-cases/{id}", BreakingUpdate(b => b["offenceCategory"] = "trafficking")),
            ("PUT", $"/api/v1/legal-cases/{id}", BreakingUpdate(b => { b["amountAwarded"] = 1; b["amountPaid"] = 2; })),
            ("POST", $"/api/v1/legal-cases/{id}/stage", new JsonObject { ["date"] = Fixture.DaysAgo(1) }),
            ("POST", $"/api/v1/legal-cases/{id}/hearings", new JsonObject { ["scheduledAt"] = At(5) }),
            ("POST", $"/api/v1/legal-cases/{id}/hearings", new JsonObject { ["scheduledAt"] = At(5), ["court"] = "   " }),
            ("POST", $"/api/v1/legal-cases/{id}/hearings", new JsonObject { ["scheduledAt"] = At(365 * 6), ["court"] = "Curtea de Apel" }),
            ("POST", $"/api/v1/legal-cases/{id}/hearings", new JsonObject { ["scheduledAt"] = "tomorrow", ["court"] = "Curtea de Apel" }),
            ("POST", $"/api/v1/legal-cases/{id}/hearings/{hearing}/outcome", new JsonObject { ["outcome"] = "" }),
            ("POST", $"/api/v1/legal-cases/{id}/hearings/{hearing}/outcome", new JsonObject { ["outcome"] = "Amânat.", ["nextScheduledAt"] = At(-2) }),
            ("POST", $"/api/v1/legal-cases/{id}/hearings/{hearing}/outcome", new JsonObject { ["outcome"] = "Amânat.", ["nextPurpose"] = "Fără dată." }),
            ("POST", $"/api/v1/legal-cases/{id}/notes", new JsonObject { ["content"] = " " }),
            ("POST", $"/api/v1/legal-cases/{id}/notes", new JsonObject { ["content"] = new string('n', 20_001) }),
        ];

        var before = await Fixture.FingerprintAsync();
        foreach (var (method, path, body) in refused)
        {
            var response = await lawyer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(body) });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {body.ToJsonString()[..Math.Min(body.ToJsonString().Length, 120)]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }

        // An episode of another type is a conflict; an unknown one, or another case's, is not found.
        var residential = await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "Residential", startDate = Fixture.DaysAgo(40) })).ReadObjectAsync(HttpStatusCode.Created);
        var (_, _, _, elsewhere) = await SetUpAsync();
        var elsewhereEpisode = await (await worker.PostJsonAsync($"/api/v1/cases/{elsewhere}/services", new { type = "CriminalProcedureAssistance", startDate = Fixture.DaysAgo(40) }))
            .ReadObjectAsync(HttpStatusCode.Created);
        before = await Fixture.FingerprintAsync();
        var wrongType = NewLegalCase(Fixture.DaysAgo(30));
        wrongType["serviceEpisodeId"] = (Guid)residential["id"]!;
        Assert.Equal("legal.episode-type", (string?)(await (await lawyer.PostAsync($"/api/v1/cases/{caseId}/legal-cases", Body(wrongType))).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        wrongType["serviceEpisodeId"] = Guid.CreateVersion7();
        await (await lawyer.PostAsync($"/api/v1/cases/{caseId}/legal-cases", Body(wrongType))).ProblemAsync(HttpStatusCode.NotFound);
        wrongType["serviceEpisodeId"] = (Guid)elsewhereEpisode["id"]!;
        await (await lawyer.PostAsync($"/api/v1/cases/{caseId}/legal-cases", Body(wrongType))).ProblemAsync(HttpStatusCode.NotFound);
        await (await lawyer.PostAsync($"/api/v1/cases/{Guid.CreateVersion7()}/legal-cases", Body(NewLegalCase(Fixture.DaysAgo(30))))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Stale_versions_repeated_outcomes_and_foreign_lawyers_conflict_or_are_not_found()
    {
        var (_, lawyer, _, caseId) = await SetUpAsync();
        var id = await OpenAsync(lawyer, caseId);
        var update = LegalCaseDetails();
        update["version"] = 0;
        update["assignedLawyerId"] = (await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Lawyer)).Id;
        var updated = await (await lawyer.PutAsync($"/api/v1/legal-cases/{id}", Body(update))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(update["assignedLawyerId"]!.GetValue<Guid>(), (Guid)updated["assignedLawyerId"]!);

        var before = await Fixture.FingerprintAsync();
        Assert.Equal("concurrency.stale-version", (string?)(await (await lawyer.PutAsync($"/api/v1/legal-cases/{id}", Body(update))).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        update["version"] = (int)updated["version"]!;
        update["assignedLawyerId"] = (await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker)).Id;
        await (await lawyer.PutAsync($"/api/v1/legal-cases/{id}", Body(update))).ProblemAsync(HttpStatusCode.NotFound);
        update["assignedLawyerId"] = (await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.Lawyer)).Id;
        await (await lawyer.PutAsync($"/api/v1/legal-cases/{id}", Body(update))).ProblemAsync(HttpStatusCode.NotFound);

        var ahead = (Guid)(await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings", new { scheduledAt = At(7), court = "Judecătoria Sector 2" })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        before = await Fixture.FingerprintAsync();
        Assert.Equal("hearing.not-held", (string?)(await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings/{ahead}/outcome", new { outcome = "Prea devreme." })).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        Assert.Equal(before, await Fixture.FingerprintAsync());

        var held = (Guid)(await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings", new { scheduledAt = At(-7), court = "Judecătoria Sector 2" })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings/{held}/outcome", new { outcome = "Soluționat." })).ReadObjectAsync(HttpStatusCode.OK);
        var otherCase = await OpenAsync(lawyer, caseId);
        before = await Fixture.FingerprintAsync();
        Assert.Equal("hearing.outcome-recorded", (string?)(await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings/{held}/outcome", new { outcome = "Din nou." })).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{otherCase}/hearings/{ahead}/outcome", new { outcome = "Alt dosar." })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Lawyers_see_everything_the_assigned_worker_the_summary_and_everyone_else_nothing()
    {
        var (worker, lawyer, _, caseId) = await SetUpAsync();
        var id = await OpenAsync(lawyer, caseId);
        var note = $"Privileged {Guid.NewGuid():N}";
        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/notes", new { content = note })).ReadObjectAsync(HttpStatusCode.Created);
        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings", new { scheduledAt = At(10), court = "Judecătoria Sector 3" })).ReadObjectAsync(HttpStatusCode.Created);

        var (colleague, _) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (coordinator, _) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        var admin = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var (otherLawyer, _) = await Fixture.NewUserClientAsync(Fixture.OrganisationB, Roles.Lawyer);
        var otherWorker = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.SocialWorker);
        string[] records = [$"/api/v1/legal-cases/{id}", $"/api/v1/legal-cases/{id}/hearings", $"/api/v1/legal-cases/{id}/notes"];
        var summary = $"/api/v1/cases/{caseId}/legal-summary";

        foreach (var path in records.Append(summary))
        {
            await (await lawyer.GetAsync(path)).ReadAsync<JsonNode>(HttpStatusCode.OK);
            await (await otherLawyer.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
            await (await coordinator.GetAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await admin.GetAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
        }

        foreach (var path in records)
        {
            await (await worker.GetAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await colleague.GetAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await otherWorker.GetAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
        }

        var seen = await worker.GetAsync(summary);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.DoesNotContain(note, await seen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await colleague.GetAsync(summary)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await otherWorker.GetAsync(summary)).ProblemAsync(HttpStatusCode.NotFound);
        var foreignList = await (await otherLawyer.GetAsync("/api/v1/legal-cases?pageSize=100")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(id.ToString(), foreignList.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // Writes too: the worker and coordinator are refused, another organisation's lawyer finds nothing.
        var before = await Fixture.FingerprintAsync();
        await (await worker.PostJsonAsync($"/api/v1/legal-cases/{id}/notes", new { content = "Nu e al meu." })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await worker.PostAsync($"/api/v1/cases/{caseId}/legal-cases", Body(NewLegalCase(Fixture.DaysAgo(30))))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.PostJsonAsync($"/api/v1/legal-cases/{id}/stage", new { stage = "Appeal", date = Fixture.DaysAgo(1) })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await otherLawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/notes", new { content = "Străin." })).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherLawyer.PostAsync($"/api/v1/cases/{caseId}/legal-cases", Body(NewLegalCase(Fixture.DaysAgo(30))))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await Fixture.FingerprintAsync());

        // The lawyer still reads no case or beneficiary: only the case's id.
        await (await lawyer.GetAsync($"/api/v1/cases/{caseId}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task No_legal_canary_is_stored_or_logged_in_clear()
    {
        var (_, lawyer, _, caseId) = await SetUpAsync();
        var canary = "Canary" + Guid.NewGuid().ToString("N")[..10];
        var values = new Dictionary<string, string>
        {
            ["venueName"] = $"{canary}Venue Tribunal",
            ["fileNumber"] = $"{canary}/File/2026",
            ["court"] = $"{canary}Court room",
            ["purpose"] = $"{canary}Purpose of the hearing",
            ["outcome"] = $"{canary}Outcome of the hearing",
            ["nextPurpose"] = $"{canary}Next purpose",
            ["note"] = $"{canary}Privileged note",
        };
        var body = NewLegalCase(Fixture.DaysAgo(30));
        body["venueName"] = values["venueName"];
        body["fileNumber"] = values["fileNumber"];
        var id = (Guid)(await (await lawyer.PostAsync($"/api/v1/cases/{caseId}/legal-cases", Body(body))).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        var hearing = (Guid)(await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings", new { scheduledAt = At(-1), court = values["court"], purpose = values["purpose"] }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings/{hearing}/outcome", new { outcome = values["outcome"], nextScheduledAt = At(9), nextPurpose = values["nextPurpose"] }))
            .ReadObjectAsync(HttpStatusCode.OK);
        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/notes", new { content = values["note"] })).ReadObjectAsync(HttpStatusCode.Created);
        await lawyer.GetAsync($"/api/v1/legal-cases/{id}");
        await lawyer.GetAsync($"/api/v1/legal-cases/{id}/hearings");
        await lawyer.GetAsync($"/api/v1/legal-cases/{id}/notes");
        // A refused request carrying personal data leaks it through no error path either.
        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{id}/hearings", new { scheduledAt = At(1), court = values["court"] + new string('x', 300) })).ProblemAsync(HttpStatusCode.BadRequest);

        foreach (var value in values.Values)
        {
            LogCanaries.Track(value);
        }

        var stored = await Fixture.RawDatabaseContentsAsync();
        Assert.Contains(Fixture.OrganisationAName, stored, StringComparison.Ordinal);
        foreach (var (field, value) in values)
        {
            Assert.False(stored.Contains(value, StringComparison.OrdinalIgnoreCase), $"{field} is stored in clear");
            Assert.False(stored.Contains(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(value)), StringComparison.OrdinalIgnoreCase), $"{field} is stored in clear (hex)");
        }

        Assert.False(stored.Contains(canary, StringComparison.OrdinalIgnoreCase), "a canary fragment is stored in clear");
        var logs = string.Join('\n', Fixture.Logs.Lines);
        Assert.Contains("AddPrivilegedNoteCommand", logs, StringComparison.Ordinal); // logs were captured
        Assert.False(logs.Contains(canary, StringComparison.OrdinalIgnoreCase), "a canary value reached the logs");
    }

    /// <summary>The social worker (shared, as in the matrix), organisation A's lawyer, and a new case assigned to the worker.</summary>
    private async Task<(HttpClient Worker, HttpClient Lawyer, Guid LawyerId, Guid CaseId)> SetUpAsync()
    {
        var (worker, workerId) = await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (lawyer, lawyerId) = await Fixture.ActorAsync(Fixture.OrganisationA, Roles.Lawyer);
        var beneficiary = await worker.RegisterAsync(Beneficiary("Legal Person"));
        var opened = await (await worker.PostJsonAsync("/api/v1/cases", new { beneficiaryId = beneficiary, openedOn = Fixture.DaysAgo(60), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created);
        return (worker, lawyer, lawyerId, (Guid)opened["id"]!);
    }

    private async Task<Guid> OpenAsync(HttpClient lawyer, Guid caseId) =>
        (Guid)(await (await lawyer.PostAsync($"/api/v1/cases/{caseId}/legal-cases", Body(NewLegalCase(Fixture.DaysAgo(30))))).ReadObjectAsync(HttpStatusCode.Created))["id"]!;



    /// <summary>10:00 UTC on the day <paramref name="days"/> from the host's today (negative: past).</summary>
    private string At(int days) => TestDates.Iso(Fixture.Today().AddDays(days)) + "T10:00:00Z";
}
