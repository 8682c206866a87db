using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>
/// Every endpoint meets malformed JSON, wrong types, missing and oversized fields, unknown enum
/// values and impossible dates: each answers a 400 problem, and the database is left untouched.
/// </summary>
public abstract class BadInputSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    private static IEnumerable<(string Name, JsonObject Body)> BrokenBeneficiaries()
    {
        (string, Action<JsonObject>)[] breaks =
        [
            ("missing name", b => b.Remove("fullName")),
            ("blank name", b => b["fullName"] = "   "),
            ("oversized name", b => b["fullName"] = new string('a', 201)),
            ("oversized notes", b => b["notes"] = new string('n', 4001)),
            ("too many aliases", b => b["aliases"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => (JsonNode)$"alias {i}")])),
            ("year as text", b => b["yearOfIdentification"] = "last year"),
            ("aliases not a list", b => b["aliases"] = "Ani"),
            ("aliases null", b => b["aliases"] = null),
            ("exploitation types null", b => b["exploitationTypes"] = null),
            ("minor flag as text", b => b["minorAtIdentification"] = "yes"),
            ("unknown sex", b => b["sex"] = "Alien"),
            ("enum as number", b => b["sex"] = 1),
            ("exploitation None", b => b["exploitationTypes"] = new JsonArray("None")),
            ("unknown exploitation", b => b["exploitationTypes"] = new JsonArray("Piracy")),
            ("unknown referral source", b => b["referralSource"] = "Rumour"),
            ("30 February", b => b["dateOfBirth"] = "2024-02-30"),
            ("born in the future", b => b["dateOfBirth"] = "2999-01-01"),
            ("born before 1900", b => b["dateOfBirth"] = "1850-01-01"),
            ("identified before 1990", b => b["yearOfIdentification"] = 1850),
            ("identified next year", b => b["yearOfIdentification"] = DateTime.UtcNow.Year + 1),
            ("minor contradicts age band", b => { b["ageBandAtIdentification"] = "Under14"; b["minorAtIdentification"] = false; }),
            ("country not ISO", b => b["countryOfExploitation"] = "Italy"),
            ("phone with letters", b => b["phone"] = "call me maybe"),
            ("unknown member", b => b["isVictim"] = true),
            ("name as number", b => b["fullName"] = 42),
        ];
        foreach (var (name, change) in breaks)
        {
            var body = Beneficiary("Bad Input Person");
            change(body);
            yield return (name, body);
        }
    }

    [Fact]
    public async Task Every_broken_registration_is_a_400_problem_and_writes_nothing()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var before = await Fixture.FingerprintAsync();
        foreach (var (name, body) in BrokenBeneficiaries())
        {
            var response = await client.PostAsync("/api/v1/beneficiaries", Body(body));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }

        foreach (var raw in new[] { "{\"fullName\": \"x\",", "not json", "", "null", "[]", "{\"fullName\": \"x\"}}" })
        {
            var response = await client.PostAsync("/api/v1/beneficiaries", Body(raw));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"body '{raw}': {(int)response.StatusCode}");
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Validation_problems_name_each_field_without_echoing_its_value()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var body = Beneficiary(new string('z', 201));
        body["countryOfExploitation"] = "Secretland";
        var problem = await (await client.PostAsync("/api/v1/beneficiaries", Body(body))).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("beneficiary.fullName"), problem.ToJsonString());
        Assert.True(errors.ContainsKey("beneficiary.countryOfExploitation"), problem.ToJsonString());
        Assert.DoesNotContain("Secretland", problem.ToJsonString(), StringComparison.Ordinal);

        var wrongType = Beneficiary("Typed Person");
        wrongType["yearOfIdentification"] = "Secretland";
        var typeProblem = await (await client.PostAsync("/api/v1/beneficiaries", Body(wrongType))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("$.yearOfIdentification", (string?)typeProblem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain("Secretland", typeProblem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_other_endpoint_rejects_bad_input_with_a_400_and_writes_nothing()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var beneficiary = await client.RegisterAsync(Beneficiary("Endpoint Person"));
        var caseId = (Guid)(await client.OpenCaseAsync(beneficiary, Fixture.DaysAgo(400)))["id"]!;
        var episode = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "DayCentre", startDate = Fixture.DaysAgo(399) })).ReadObjectAsync(HttpStatusCode.Created);
        var episodeId = (Guid)episode["id"]!;
        var validUpdate = Beneficiary("Endpoint Person");

        (string Method, string Path, string Body)[] cases =
        [
            ("PUT", $"/api/v1/beneficiaries/{beneficiary}", With(validUpdate, "version", null).ToJsonString()),
            ("PUT", $"/api/v1/beneficiaries/{beneficiary}", With(validUpdate, "version", "zero").ToJsonString()),
            ("PUT", $"/api/v1/beneficiaries/{beneficiary}", With(With(validUpdate, "version", 0), "fullName", new string('x', 201)).ToJsonString()),
            ("PUT", $"/api/v1/beneficiaries/{beneficiary}", "{\"version\": 0,"),
            ("POST", "/api/v1/beneficiaries/search", "{}"),
            ("POST", "/api/v1/beneficiaries/search", "{\"nationalId\": 12}"),
            ("POST", "/api/v1/beneficiaries/search", $"{{\"fullName\": \"{new string('n', 201)}\"}}"),
            ("POST", "/api/v1/beneficiaries/search", "{\"dateOfBirth\": \"2020-13-01\"}"),
            ("POST", "/api/v1/cases", $"{{\"openedOn\": \"{Fixture.DaysAgo(400)}\"}}"),
            ("POST", "/api/v1/cases", $"{{\"beneficiaryId\": \"{beneficiary}\", \"openedOn\": \"2026-02-31\"}}"),
            ("POST", "/api/v1/cases", $"{{\"beneficiaryId\": \"{beneficiary}\", \"openedOn\": \"2999-01-01\"}}"),
            ("POST", "/api/v1/cases", $"{{\"beneficiaryId\": \"not-a-guid\", \"openedOn\": \"{Fixture.DaysAgo(400)}\"}}"),
            ("POST", "/api/v1/cases", $"{{\"beneficiaryId\": \"{beneficiary}\", \"openedOn\": \"{Fixture.DaysAgo(400)}\", \"assignedWorkerId\": \"{Guid.Empty}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/assign", "{\"version\": 0}"),
            ("POST", $"/api/v1/cases/{caseId}/assign", $"{{\"workerId\": \"{Guid.CreateVersion7()}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/close", $"{{\"version\": 1, \"reason\": \"Bored\", \"closedOn\": \"{Fixture.DaysAgo(373)}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/close", $"{{\"version\": 1, \"closedOn\": \"{Fixture.DaysAgo(373)}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/close", $"{{\"version\": 1, \"reason\": \"Other\", \"closedOn\": \"{Fixture.DaysAgo(373)}\", \"note\": \"{new string('c', 2001)}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/close", $"{{\"version\": 1, \"reason\": \"Other\", \"closedOn\": \"{Fixture.DaysAgo(405)}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/reopen", "{}"),
            ("POST", $"/api/v1/cases/{caseId}/reopen", "{\"version\": -1}"),
            ("POST", $"/api/v1/cases/{caseId}/services", $"{{\"type\": \"Spa\", \"startDate\": \"{Fixture.DaysAgo(399)}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/services", $"{{\"startDate\": \"{Fixture.DaysAgo(399)}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/services", "{\"type\": \"Residential\", \"startDate\": \"06/01/2026\"}"),
            ("POST", $"/api/v1/cases/{caseId}/services", $"{{\"type\": \"Residential\", \"startDate\": \"{Fixture.DaysAgo(765)}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/services/{episodeId}/end", $"{{\"endDate\": \"{Fixture.DaysAgo(400)}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/services/{episodeId}/end", "{\"endDate\": \"yesterday\"}"),
            ("POST", $"/api/v1/cases/{caseId}/services/{episodeId}/end", "{}"),
            ("POST", $"/api/v1/cases/{caseId}/notes", "{\"sensitivity\": \"Ordinary\"}"),
            ("POST", $"/api/v1/cases/{caseId}/notes", "{\"sensitivity\": \"Secret\", \"content\": \"x\"}"),
            ("POST", $"/api/v1/cases/{caseId}/notes", $"{{\"sensitivity\": \"Ordinary\", \"content\": \"{new string('c', 20_001)}\"}}"),
            ("POST", $"/api/v1/cases/{caseId}/notes", "{\"sensitivity\": \"Ordinary\", \"content\": [1]}"),
            ("GET", "/api/v1/beneficiaries?page=abc", ""),
            ("GET", "/api/v1/beneficiaries?page=0", ""),
            ("GET", "/api/v1/beneficiaries?pageSize=101", ""),
            ("GET", "/api/v1/cases?status=Lost", ""),
            ("GET", "/api/v1/cases?beneficiaryId=nope", ""),
            ("GET", $"/api/v1/cases/{caseId}/notes?pageSize=0", ""),
        ];

        var before = await Fixture.FingerprintAsync();
        foreach (var (method, path, body) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET")
            {
                request.Content = Body(body);
            }

            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {body[..Math.Min(body.Length, 80)]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Oversized_bodies_get_413_and_wrong_media_types_415_both_as_problems()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var before = await Fixture.FingerprintAsync();
        var huge = Beneficiary("Huge Person");
        huge["notes"] = new string('h', 70_000); // the test host allows 64 KiB

        await (await client.PostAsync("/api/v1/beneficiaries", Body(huge))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/beneficiaries")
        {
            Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(huge.ToJsonString()))),
        };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        await (await client.SendAsync(chunked)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        await (await client.PostAsync("/api/v1/beneficiaries", new StringContent("fullName=x", System.Text.Encoding.UTF8, "text/plain")))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Unknown_ids_answer_404_problems()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var nobody = Guid.CreateVersion7();
        await (await client.GetAsync($"/api/v1/beneficiaries/{nobody}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/cases/{nobody}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.OpenCaseResponseAsync(nobody, Fixture.DaysAgo(400))).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync($"/api/v1/cases/{nobody}/assign", new { version = 0, workerId = Guid.CreateVersion7() })).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync($"/api/v1/cases/{nobody}/services", new { type = "Residential", startDate = Fixture.DaysAgo(399) })).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/beneficiaries/not-a-guid")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public Task Every_required_field_of_the_openapi_document_is_required() =>
        EachIs400Async(Mutations.MissingRequired, atLeast: 25);

    [Fact]
    public Task Every_text_field_refuses_control_characters_lone_surrogates_direction_controls_and_blank_text() =>
        EachIs400Async(Mutations.BadText, atLeast: 100);

    [Fact]
    public async Task Every_enum_takes_exactly_one_defined_name()
    {
        await EachIs400Async(Mutations.BadEnums, atLeast: 40);
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        foreach (var status in new[] { "1", "Active,Closed", "active" })
        {
            await (await client.GetAsync($"/api/v1/cases?status={Uri.EscapeDataString(status)}")).ProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Malformed_inputs_to_every_operation_get_no_5xx_and_write_nothing()
    {
        var probe = await ContractProbe.CreateAsync(Fixture);
        var perOperation = new Dictionary<string, int>();
        var (sent, failures) = await probe.ProbeAsync(
            t =>
            {
                var mutations = Mutations.Malformed(probe, t).ToList();
                perOperation[t.Operation] = mutations.Count;
                return mutations;
            },
            ContractProbe.RefusedAsync);
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests were not refused properly:\n" + string.Join('\n', failures));
        var withBody = perOperation.Where(o => o.Key.StartsWith("P", StringComparison.Ordinal) && o.Value > 0).ToList();
        Assert.All(withBody.Where(o => o.Key.Contains("/cases", StringComparison.Ordinal) || o.Key.Contains("/beneficiaries", StringComparison.Ordinal)),
            o => Assert.True(o.Value >= 30, $"{o.Key}: only {o.Value} malformed inputs"));
        TestContext.Current.SendDiagnosticMessage($"{Fixture.Provider} probe: {sent} malformed requests over {perOperation.Count} operations, 0 answered 2xx or 5xx");
    }

    [Fact]
    public async Task Every_error_is_problem_json_whatever_the_accept_header()
    {
        var probe = await ContractProbe.CreateAsync(Fixture);
        var requests = new OperationRequests(Fixture, await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker));
        var lawyer = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Lawyer);
        var owner = await Fixture.ClientAsync(Fixture.OrganisationA);
        var failures = new List<string>();
        var statuses = new HashSet<int>();
        foreach (var operation in probe.Operations)
        {
            // Every call here is refused: one set of records serves them all.
            var prepared = await requests.PreparedAsync(operation);
            foreach (var accept in ContractProbe.AcceptHeaders)
            {
                // 401 without a token, 403 for a role without the operation, 404 for an unknown id, 400 and 413 for broken bodies.
                await CheckAsync(operation, accept, Fixture.Anonymous(), prepared(), HttpStatusCode.Unauthorized);
                // Every signed-in person reaches their own sessions (/me), lawyers included. Legal records are
                // the lawyers' own: there the social worker is refused (but for the summary and the category list).
                var legal = operation.Contains("/legal-", StringComparison.Ordinal);
                var lawyersOnly = legal && !operation.EndsWith("/legal-summary", StringComparison.Ordinal) && !operation.EndsWith("/offence-categories", StringComparison.Ordinal);
                if ((!operation.Contains("/beneficiaries", StringComparison.Ordinal) || operation.Contains("{id}", StringComparison.Ordinal) || operation.StartsWith("POST /api/v1/beneficiaries ", StringComparison.Ordinal))
                    && !operation.Contains(" /api/v1/me/", StringComparison.Ordinal) && (!legal || lawyersOnly))
                {
                    await CheckAsync(operation, accept, lawyersOnly ? owner : lawyer, prepared(), HttpStatusCode.Forbidden);
                }

                using var valid = prepared();
                if (valid.RequestUri!.ToString().Contains("/api/v1/cases/", StringComparison.Ordinal) || valid.RequestUri.ToString().Contains("/api/v1/beneficiaries/0", StringComparison.Ordinal))
                {
                    var unknown = new HttpRequestMessage(valid.Method, System.Text.RegularExpressions.Regex.Replace(valid.RequestUri.ToString(), "[0-9a-f]{8}-[0-9a-f-]{27}", Guid.CreateVersion7().ToString())) { Content = valid.Content };
                    await CheckAsync(operation, accept, lawyersOnly ? lawyer : owner, unknown, HttpStatusCode.NotFound);
                }

                if (valid.Content is not null && operation.StartsWith("P", StringComparison.Ordinal) && !operation.EndsWith("disable", StringComparison.Ordinal) && operation.Contains("/cases", StringComparison.Ordinal))
                {
                    await CheckAsync(operation, accept, owner, new HttpRequestMessage(valid.Method, valid.RequestUri) { Content = Body("{\"broken\":") }, HttpStatusCode.BadRequest);
                    await CheckAsync(operation, accept, owner, new HttpRequestMessage(valid.Method, valid.RequestUri) { Content = Body("{\"padding\":\"" + new string('p', 70_000) + "\"}") }, HttpStatusCode.RequestEntityTooLarge);
                }
            }
        }

        // 409: a stale version, and a closed case that cannot close again.
        var caseId = (Guid)(await owner.OpenCaseAsync(await owner.RegisterAsync(Beneficiary("Accept Person")), Fixture.DaysAgo(400)))["id"]!;
        foreach (var accept in ContractProbe.AcceptHeaders)
        {
            await CheckAsync("POST /api/v1/cases/{id}/close", accept, owner,
                new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/close") { Content = Body($"{{\"version\": 7, \"reason\": \"Other\", \"closedOn\": \"{Fixture.DaysAgo(373)}\"}}") }, HttpStatusCode.Conflict);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal([400, 401, 403, 404, 409, 413], statuses.Order());

        async Task CheckAsync(string operation, string accept, HttpClient client, HttpRequestMessage request, HttpStatusCode expected)
        {
            request.Headers.Accept.Clear();
            request.Headers.Accept.Add(System.Net.Http.Headers.MediaTypeWithQualityHeaderValue.Parse(accept));
            var response = await client.SendAsync(request);
            var problem = await ContractProbe.RefusedAsync(response);
            if (response.StatusCode != expected || problem is not null)
            {
                failures.Add($"{operation} ({accept}): expected {(int)expected}, got {(int)response.StatusCode} {problem}");
            }
            else
            {
                statuses.Add((int)expected);
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Equal((int)expected, (int)body["status"]!);
            }
        }
    }

    [Fact]
    public async Task No_error_message_carries_a_submitted_value()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var canary = "Zq" + Guid.NewGuid().ToString("N")[..10];
        var yearCanary = 1000 + Random.Shared.Next(1, 900); // below the first year of identification, so refused
        (string Field, JsonNode? Value)[] cases =
        [
            ("fullName", canary + new string('x', 200)), ("countryOfExploitation", canary), ("phone", canary), ("nationalId", canary + "#"),
            ("yearOfIdentification", yearCanary), ("sex", canary), ("exploitationTypes", new JsonArray(canary)), ("dateOfBirth", "1850-03-0" + (yearCanary % 9 + 1)),
        ];
        foreach (var (field, value) in cases)
        {
            var body = Beneficiary("Echo Person");
            body[field] = value;
            var text = await (await client.PostAsync("/api/v1/beneficiaries", Body(body))).Content.ReadAsStringAsync();
            Assert.Contains("\"status\":400", text, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
            Assert.DoesNotContain(yearCanary.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_refuses_impossible_dates_of_birth_and_punctuation_only_ids()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { dateOfBirth = "1850-01-01" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { dateOfBirth = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { nationalId = "---" })).ProblemAsync(HttpStatusCode.BadRequest);
        var body = Beneficiary("Punctuation Person");
        body["nationalId"] = "-/-";
        await (await client.PostAsync("/api/v1/beneficiaries", Body(body))).ProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>Every mutation <paramref name="mutate"/> makes of every operation is a 400 problem, and there are at least <paramref name="atLeast"/>.</summary>
    private async Task EachIs400Async(Func<ContractProbe, ContractProbe.Target, IEnumerable<ContractProbe.Mutation>> mutate, int atLeast)
    {
        var probe = await ContractProbe.CreateAsync(Fixture);
        var (sent, failures) = await probe.ProbeAsync(t => mutate(probe, t), async response =>
            await ContractProbe.RefusedAsync(response) ?? (response.StatusCode == HttpStatusCode.BadRequest ? null : $"answered {(int)response.StatusCode}, not 400"));
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(sent >= atLeast, $"only {sent} mutations sent");
    }

    private static JsonObject With(JsonObject body, string property, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        copy[property] = value;
        return copy;
    }
}
