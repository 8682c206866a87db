using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>Payloads and calls shared by the suites; bodies are JSON nodes so tests can break them on purpose.</summary>
public static class ApiCalls
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A valid registration; its name and national id are tracked as log canaries for the whole run.</summary>
    public static JsonObject Beneficiary(string fullName, string? nationalId = null, string? dateOfBirth = "1995-04-12") => new()
    {
        ["fullName"] = LogCanaries.Track(fullName),
        ["aliases"] = new JsonArray("Ani"),
        ["nationalId"] = nationalId is null ? null : LogCanaries.Track(nationalId),
        ["dateOfBirth"] = dateOfBirth,
        ["phone"] = "+40 712 000 000",
        ["address"] = "Str. Exemplu 1, Iasi",
        ["citizenship"] = "Romanian",
        ["notes"] = "Identified at the border.",
        ["sex"] = "Female",
        ["ageBandAtIdentification"] = "From26To35",
        ["minorAtIdentification"] = false,
        ["exploitationTypes"] = new JsonArray("Sexual", "Labour"),
        ["countryOfExploitation"] = "IT",
        ["yearOfIdentification"] = 2025,
        ["referralSource"] = "Police",
    };

    /// <summary>What a lawyer records about a legal case: valid for updating one.</summary>
    public static JsonObject LegalCaseDetails() => new()
    {
        ["venueKind"] = "Court",
        ["venueName"] = "Tribunalul București",
        ["fileNumber"] = "1234/2/2026",
        ["offenceCategory"] = "TraffickingInPersons",
        ["proceduralRole"] = "CivilParty",
        ["protectiveMeasures"] = new JsonArray("ProtectedIdentity", "HearingByVideo"),
        ["amountClaimed"] = 15000.50m,
        ["currency"] = "EUR",
    };

    /// <summary>A valid new legal case, at its first stage since <paramref name="openedOn"/>.</summary>
    public static JsonObject NewLegalCase(string openedOn)
    {
        var body = LegalCaseDetails();
        body["stage"] = "Complaint";
        body["openedOn"] = openedOn;
        return body;
    }

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Body(JsonNode node) => Body(node.ToJsonString());

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the given status, and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.ReadObjectAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        return problem;
    }

    public static async Task<Guid> RegisterAsync(this HttpClient client, JsonObject beneficiary)
    {
        var created = await (await client.PostAsync("/api/v1/beneficiaries", Body(beneficiary))).ReadObjectAsync(HttpStatusCode.Created);
        return (Guid)created["id"]!;
    }

    public static async Task<JsonObject> OpenCaseAsync(this HttpClient client, Guid beneficiaryId, string openedOn)
    {
        var body = new JsonObject { ["beneficiaryId"] = beneficiaryId, ["openedOn"] = openedOn };
        return await (await client.PostAsync("/api/v1/cases", Body(body))).ReadObjectAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Json);
}
