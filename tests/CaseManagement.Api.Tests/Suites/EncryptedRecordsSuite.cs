using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>Beneficiaries through HTTP: round trips, blind-index search, duplicates, tenant isolation, and no plaintext at rest.</summary>
public abstract class EncryptedRecordsSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_registered_beneficiary_reads_back_exactly_and_updates_bump_the_version()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var id = await client.RegisterAsync(Beneficiary("Elena Munteanu", "2950412123456"));

        var read = await (await client.GetAsync($"/api/v1/beneficiaries/{id}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("Elena Munteanu", (string?)read["fullName"]);
        Assert.Equal("2950412123456", (string?)read["nationalId"]);
        Assert.Equal("1995-04-12", (string?)read["dateOfBirth"]);
        Assert.Equal("Ani", (string?)read["aliases"]![0]);
        Assert.Equal(["Sexual", "Labour"], read["exploitationTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(0, (int)read["version"]!);

        var update = Beneficiary("Elena Munteanu-Radu", "2950412123456");
        update["version"] = 0;
        update["phone"] = null;
        var updated = await (await client.PutAsync($"/api/v1/beneficiaries/{id}", Body(update))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)updated["version"]!);

        read = await (await client.GetAsync($"/api/v1/beneficiaries/{id}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("Elena Munteanu-Radu", (string?)read["fullName"]);
        Assert.Null((string?)read["phone"]);
        Assert.Equal(1, (int)read["version"]!);
    }

    [Fact]
    public async Task Search_finds_by_national_id_and_by_name_however_written_and_registration_warns_of_duplicates()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var nationalId = "1" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999);
        var surname = "Stanciu" + Guid.NewGuid().ToString("N")[..6];
        var id = await client.RegisterAsync(Beneficiary($"Ștefan {surname}", nationalId, "1988-11-02"));
        await client.RegisterAsync(Beneficiary($"Mihai {surname}", null, "1988-11-02"));

        var byId = await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { nationalId = $" {nationalId[..4]}-{nationalId[4..]} " }))
            .ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Equal([id], byId.Select(b => (Guid)b["id"]!));

        // Diacritics, case and name order do not matter; the date of birth narrows.
        var byName = await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { fullName = $"{surname.ToUpperInvariant()} stefan", dateOfBirth = "1988-11-02" }))
            .ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Equal([id], byName.Select(b => (Guid)b["id"]!));

        var wrongDate = await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { fullName = $"Stefan {surname}", dateOfBirth = "1988-11-03" }))
            .ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Empty(wrongDate);

        var again = await (await client.PostAsync("/api/v1/beneficiaries", Body(Beneficiary($"Stefan {surname}", nationalId, "1988-11-02"))))
            .ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal([id], again["possibleDuplicates"]!.AsArray().Select(b => (Guid)b!["id"]!));
    }

    [Fact]
    public async Task Names_match_across_cedilla_and_comma_letters_folded_letters_and_unicode_forms()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var tag = Guid.NewGuid().ToString("N")[..6];
        // Romanian keyboards give ş/ţ (cedilla) or ș/ț (comma below); foreign documents give ł, ß, ø, ı.
        var cedilla = await client.RegisterAsync(Beneficiary($"Ştefan Ţurcanu {tag}"));
        var folded = await client.RegisterAsync(Beneficiary($"Łukasz Straße Øygard Yılmaz {tag}"));
        var decomposed = await client.RegisterAsync(Beneficiary($"Ioana S\u0326erban {tag}")); // ș written as s + combining comma
        (string Query, Guid Expected)[] searches =
        [
            ($"Ștefan Țurcanu {tag}", cedilla),
            ($"stefan turcanu {tag}", cedilla),
            ($"Lukasz Strasse Oygard Yilmaz {tag}", folded),
            ($"Ioana Șerban {tag}", decomposed),
        ];
        foreach (var (query, expected) in searches)
        {
            var found = await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { fullName = query })).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
            Assert.True(found.Select(b => (Guid)b["id"]!).SequenceEqual([expected]), $"'{query}' found {found.Count}");
        }

        // Stored and returned in NFC: the decomposed ș comes back as the one composed letter.
        var read = await (await client.GetAsync($"/api/v1/beneficiaries/{decomposed}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal($"Ioana \u0218erban {tag}", (string?)read["fullName"]);
    }

    [Fact]
    public async Task A_person_is_found_by_an_alias_until_the_alias_is_removed()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var body = Beneficiary($"Maria Ionescu {tag}");
        body["aliases"] = new JsonArray($"Mimi Vasilescu {tag}", $"Marioara {tag}");
        var id = await client.RegisterAsync(body);

        async Task<List<Guid>> SearchAsync(string name) =>
            [.. (await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { fullName = name })).ReadAsync<List<JsonObject>>(HttpStatusCode.OK)).Select(b => (Guid)b["id"]!)];

        Assert.Equal([id], await SearchAsync($"vasilescu mimi {tag}"));
        Assert.Equal([id], await SearchAsync($"Marioara {tag}"));
        var duplicate = await (await client.PostAsync("/api/v1/beneficiaries", Body(Beneficiary($"Mimi Vasilescu {tag}")))).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Contains(id, duplicate["possibleDuplicates"]!.AsArray().Select(b => (Guid)b!["id"]!));

        var update = Beneficiary($"Maria Ionescu {tag}");
        update["aliases"] = new JsonArray($"Marioara {tag}");
        update["version"] = 0;
        await (await client.PutAsync($"/api/v1/beneficiaries/{id}", Body(update))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(id, await SearchAsync($"Mimi Vasilescu {tag}"));
        Assert.Equal([id], await SearchAsync($"Marioara {tag}"));
        Assert.Empty(await (await (await Fixture.ClientAsync(Fixture.OrganisationB)).PostJsonAsync("/api/v1/beneficiaries/search", new { fullName = $"Marioara {tag}" })).ReadAsync<List<JsonObject>>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Another_organisation_sees_nothing_and_gets_404_for_every_record()
    {
        var owner = await Fixture.ClientAsync(Fixture.OrganisationA);
        var nationalId = "2" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999);
        var id = await owner.RegisterAsync(Beneficiary("Irina Dobre", nationalId));
        var caseId = (Guid)(await owner.OpenCaseAsync(id, Fixture.DaysAgo(400)))["id"]!;
        var episodeId = (Guid)(await (await owner.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "Residential", startDate = Fixture.DaysAgo(400) })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;

        var stranger = await Fixture.ClientAsync(Fixture.OrganisationB);
        var before = await Fixture.FingerprintAsync();
        await (await stranger.GetAsync($"/api/v1/beneficiaries/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        var update = Beneficiary("Taken Over");
        update["version"] = 0;
        await (await stranger.PutAsync($"/api/v1/beneficiaries/{id}", Body(update))).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/cases/{caseId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/cases/{caseId}/notes")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/cases/{caseId}/services")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.OpenCaseResponseAsync(id, Fixture.DaysAgo(400))).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/cases/{caseId}/assign", new { version = 1, workerId = Guid.CreateVersion7() })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version = 1, reason = "Other", closedOn = Fixture.DaysAgo(373) })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/cases/{caseId}/reopen", new { version = 1 })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "DayCentre", startDate = Fixture.DaysAgo(399) })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"/api/v1/cases/{caseId}/services/{episodeId}/end", new { endDate = Fixture.DaysAgo(398) })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await Fixture.FingerprintAsync());

        var search = await (await stranger.PostJsonAsync("/api/v1/beneficiaries/search", new { nationalId })).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Empty(search);
        var list = await (await stranger.GetAsync("/api/v1/beneficiaries?pageSize=100")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list["items"]!.AsArray(), b => (Guid)b!["id"]! == id);
    }

    [Fact]
    public async Task Lists_page_through_the_organisations_beneficiaries()
    {
        var org = Fixture.OrganisationB;
        var client = await Fixture.ClientAsync(org);
        for (var i = 0; i < 3; i++)
        {
            await client.RegisterAsync(Beneficiary($"Paged Person {i}"));
        }

        var first = await (await client.GetAsync("/api/v1/beneficiaries?page=1&pageSize=2")).ReadObjectAsync(HttpStatusCode.OK);
        var total = (int)first["totalCount"]!;
        Assert.True(total >= 3);
        Assert.Equal(2, first["items"]!.AsArray().Count);
        var last = await (await client.GetAsync($"/api/v1/beneficiaries?page={(total + 1) / 2}&pageSize=2")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(total % 2 == 0 ? 2 : 1, last["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task No_canary_value_is_stored_or_logged_in_clear()
    {
        var canary = "Canary" + Guid.NewGuid().ToString("N")[..10];
        var values = new Dictionary<string, string>
        {
            ["fullName"] = $"{canary}Name Popa",
            ["nationalId"] = $"{canary}ID",
            ["phone"] = "+40 7" + Random.Shared.Next(10_000_000, 99_999_999),
            ["address"] = $"{canary}Street 7",
            ["citizenship"] = $"{canary}Land",
            ["notes"] = $"{canary}Notes about the person",
        };
        values["dateOfBirth"] = $"19{Random.Shared.Next(30, 99)}-0{Random.Shared.Next(1, 9)}-1{Random.Shared.Next(0, 9)}";
        var body = Beneficiary(values["fullName"], values["nationalId"], values["dateOfBirth"]);
        body["phone"] = values["phone"];
        body["address"] = values["address"];
        body["citizenship"] = values["citizenship"];
        body["notes"] = values["notes"];
        body["aliases"] = new JsonArray($"{canary}Alias");
        values["alias"] = $"{canary}Alias";

        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var id = await client.RegisterAsync(body);
        var opened = await client.OpenCaseAsync(id, Fixture.DaysAgo(400));
        var caseId = (Guid)opened["id"]!;
        values["note"] = $"{canary}CaseNote content";
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content = values["note"] })).ReadObjectAsync(HttpStatusCode.Created);
        values["closure"] = $"{canary}Closure";
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version = (int)opened["version"]! + 1, reason = "Other", note = values["closure"], closedOn = Fixture.DaysAgo(373) })).ReadObjectAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { nationalId = values["nationalId"], fullName = values["fullName"] })).ReadObjectsAsync();
        await client.GetAsync($"/api/v1/beneficiaries/{id}");
        // A rejected request that carries personal data must not leak it through its error path either.
        var rejected = Beneficiary(values["fullName"] + new string('x', 300), values["nationalId"]);
        await (await client.PostAsync("/api/v1/beneficiaries", Body(rejected))).ProblemAsync(HttpStatusCode.BadRequest);

        foreach (var value in values.Values)
        {
            LogCanaries.Track(value);
        }

        var stored = await Fixture.RawDatabaseContentsAsync();
        Assert.Contains(Fixture.OrganisationAName, stored, StringComparison.Ordinal); // the dump does read the data
        foreach (var (field, value) in values)
        {
            Assert.False(stored.Contains(value, StringComparison.OrdinalIgnoreCase), $"{field} is stored in clear");
            Assert.False(stored.Contains(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(value)), StringComparison.OrdinalIgnoreCase), $"{field} is stored in clear (hex)");
        }

        Assert.False(stored.Contains(canary, StringComparison.OrdinalIgnoreCase), "a canary fragment is stored in clear");
        var logs = string.Join('\n', Fixture.Logs.Lines);
        Assert.Contains(nameof(Application.Beneficiaries.Commands.RegisterBeneficiary.RegisterBeneficiaryCommand), logs, StringComparison.Ordinal); // logs were captured
        Assert.False(logs.Contains(canary, StringComparison.OrdinalIgnoreCase), "a canary value reached the logs");
        Assert.False(logs.Contains(values["phone"], StringComparison.Ordinal), "a phone number reached the logs");
        Assert.Empty(LogCanaries.Leaks()); // and nothing any test sent so far, in any host's logs
    }
}

internal static class SuiteCalls
{
    public static Task<HttpResponseMessage> OpenCaseResponseAsync(this HttpClient client, Guid beneficiaryId, string openedOn) =>
        client.PostJsonAsync("/api/v1/cases", new { beneficiaryId, openedOn });

    public static async Task<JsonArray> ReadObjectsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }
}
