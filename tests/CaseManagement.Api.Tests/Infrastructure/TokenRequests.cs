using System.Text.Json.Nodes;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>Token endpoint calls a client makes after sign-in: redeem a code, refresh, read the error.</summary>
public static class TokenRequests
{
    public static Task<HttpResponseMessage> RedeemAsync(HttpClient client, string code, string verifier) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = SignInFlow.RedirectUri,
            ["client_id"] = SignInFlow.ClientId,
            ["code_verifier"] = verifier,
        }));

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = SignInFlow.ClientId,
        }));

    /// <summary>The OAuth error code of a refused token request.</summary>
    public static async Task<string?> ErrorAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error"];
}
