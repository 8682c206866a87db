using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Application.Statistics.Releases;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>People with known service episodes, registered through the API, for counts whose answers are known.</summary>
public static class StatisticsData
{
    public sealed record Episode(string Type, DateOnly Start, DateOnly? End);

    public sealed record Person(string Sex, string AgeBand, string[] Exploitation, params Episode[] Episodes)
    {
        /// <summary>The full name (with the helper's date of birth, what tells the same person at two organisations); a fresh one by default.</summary>
        public string Name { get; init; } = $"Statistics Person {Guid.NewGuid():N}";
    }

    public static async Task RegisterAsync(HttpClient worker, Person person)
    {
        var body = Beneficiary(person.Name);
        body["sex"] = person.Sex;
        body["ageBandAtIdentification"] = person.AgeBand;
        body["minorAtIdentification"] = person.AgeBand is "Under14" or "From14To17";
        body["exploitationTypes"] = new JsonArray([.. person.Exploitation.Select(e => (JsonNode)e)]);
        var beneficiary = await worker.RegisterAsync(body);
        var opened = person.Episodes.Min(e => e.Start);
        var created = await (await worker.PostJsonAsync("/api/v1/cases", new { beneficiaryId = beneficiary, openedOn = TestDates.Iso(opened) })).ReadObjectAsync(HttpStatusCode.Created);
        var caseId = (Guid)created["id"]!;
        foreach (var episode in person.Episodes)
        {
            var started = await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = episode.Type, startDate = TestDates.Iso(episode.Start) })).ReadObjectAsync(HttpStatusCode.Created);
            if (episode.End is { } end)
            {
                await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/services/{(Guid)started["id"]!}/end", new { endDate = TestDates.Iso(end) })).ReadObjectAsync(HttpStatusCode.OK);
            }
        }
    }

    public static async Task<ReleaseDocument> ReadReleaseAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return ReleaseJson.Deserialize(await response.Content.ReadAsByteArrayAsync());
    }

    public static async Task<List<JsonObject>> LedgerAsync(this HttpClient secretariat) =>
        await (await secretariat.GetAsync("/api/v1/statistics/ledger")).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
}
