using System.Net;
using System.Text.Json.Nodes;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>The steps of a referral that most tests share: a case, a consent that covers the receiver, a POST with its Idempotency-Key.</summary>
public static class ReferralFlow
{
    public const string Header = "Idempotency-Key";

    /// <summary>A referral consent to <paramref name="recipient"/> for residential care and counselling, with the data items named (the minimum always).</summary>
    public static JsonObject Consent(Guid recipient, string givenOn, params string[] items) => new()
    {
        ["scope"] = "Referral",
        ["recipientOrganisationId"] = recipient,
        ["purposes"] = new JsonArray("Residential", "Counselling"),
        ["dataItems"] = new JsonArray([.. new[] { "FirstNameOrAlias" }.Concat(items).Distinct().Select(i => JsonValue.Create(i))]),
        ["form"] = "Written",
        ["documentReference"] = "Dosar 12/consimțământ",
        ["givenOn"] = givenOn,
    };

    public static JsonObject Referral(Guid caseId, Guid recipient, Guid consentId, string reason, params string[] shared) => new()
    {
        ["caseId"] = caseId,
        ["recipientOrganisationId"] = recipient,
        ["consentId"] = consentId,
        ["services"] = new JsonArray("Residential"),
        ["urgency"] = "Urgent",
        ["reason"] = reason,
        ["shared"] = new JsonArray([.. shared.Select(i => JsonValue.Create(i))]),
    };

    public static HttpRequestMessage Post(JsonNode body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = Body(body.ToJsonString()) };
        if (key is not null)
        {
            request.Headers.Add(Header, key);
        }

        return request;
    }

    public static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>A case of <paramref name="worker"/>'s organisation with a consent to refer its beneficiary to <paramref name="recipient"/>.</summary>
    public static async Task<(Guid BeneficiaryId, Guid CaseId, Guid ConsentId)> ReferrableCaseAsync(
        HttpClient worker, ApiFixture fixture, Guid recipient, JsonObject beneficiary, params string[] consentItems)
    {
        var beneficiaryId = await worker.RegisterAsync(beneficiary);
        var caseId = (Guid)(await worker.OpenCaseAsync(beneficiaryId, fixture.DaysAgo(30)))["id"]!;
        var consent = await (await worker.PostAsync($"/api/v1/beneficiaries/{beneficiaryId}/consents", Body(Consent(recipient, fixture.DaysAgo(2), consentItems))))
            .ReadObjectAsync(HttpStatusCode.Created);
        return (beneficiaryId, caseId, (Guid)consent["consentId"]!);
    }

    public static async Task<JsonObject> SendAsync(HttpClient client, JsonObject body, string? key = null)
    {
        using var request = Post(body, key ?? NewKey());
        return await (await client.SendAsync(request)).ReadObjectAsync(HttpStatusCode.Created);
    }
}
