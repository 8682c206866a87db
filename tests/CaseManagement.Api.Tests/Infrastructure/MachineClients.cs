using CaseManagement.Application.Common.Interfaces;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>Registers machine clients and asks for their tokens with client assertions, as the statistics integration would.</summary>
public static class MachineClients
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>Registers a client with <paramref name="key"/>'s public key, straight through the identity service.</summary>
    public static async Task<NewMachineClient> RegisterAsync(ApiFixture fixture, MachineClientKey key, string displayName = "Test machine client")
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IIdentityAdministration>()
            .RegisterClientAsync(displayName, ["stats.read"], key.PublicKeyPem, CancellationToken.None);
    }

    /// <summary>A client-credentials token request authenticated by <paramref name="assertion"/>.</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string clientId, string assertion, string scope = "stats.read") =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_assertion_type"] = AssertionType,
            ["client_assertion"] = assertion,
            ["scope"] = scope,
        }));
}
