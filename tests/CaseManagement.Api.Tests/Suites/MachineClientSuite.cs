using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Administration.Commands.RegisterMachineClient;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>
/// Machine clients authenticate with private_key_jwt (RFC 7523): they register a public key, and
/// each token request carries an assertion signed with the private key, which works once.
/// </summary>
public abstract class MachineClientSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_client_registered_with_its_public_key_gets_a_token_for_its_scope_and_no_personal_data()
    {
        using var key = MachineClientKey.Rsa();
        var platform = await Fixture.ClientAsync(null, Roles.PlatformAdmin);
        var registered = await (await platform.PostJsonAsync("/api/v1/platform/clients",
            new { displayName = "Statistics", scopes = new[] { "stats.read" }, publicKey = key.PublicKeyPem })).ReadObjectAsync(HttpStatusCode.OK);
        var clientId = (string)registered["clientId"]!;
        Assert.Null((string?)registered["clientSecret"]); // the server holds no secret of the client's
        Assert.Equal(ThumbprintOf(key), (string?)registered["keyThumbprint"]);

        var response = await MachineClients.RequestTokenAsync(Fixture.Anonymous(), clientId, key.Assertion(clientId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<SignInFlow.Tokens>())!;
        Assert.Null(token.RefreshToken);

        // The token is valid here, but a machine has no organisation: no case data at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await Fixture.WithToken(token.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
        Assert.Equal(1, await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.ClientId == clientId && e.Outcome == "Denied")));

        var wrongScope = await MachineClients.RequestTokenAsync(Fixture.Anonymous(), clientId, key.Assertion(clientId), CaseManagementIdentityOptions.ApiScope);
        Assert.Equal(HttpStatusCode.BadRequest, wrongScope.StatusCode);

        // The key material is never logged; the thumbprint names the key instead.
        var modulus = key.PublicKeyPem.Split('\n')[2];
        Assert.DoesNotContain(Fixture.Logs.Lines.ToList(), line => line.Contains(modulus, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_assertion_signed_by_another_key_expired_or_meant_for_another_audience_is_refused()
    {
        using var key = MachineClientKey.EcP256();
        using var otherKey = MachineClientKey.EcP256();
        var client = (await MachineClients.RegisterAsync(Fixture, key)).ClientId;

        await AssertRefusedAsync(client, otherKey.Assertion(client));
        await AssertRefusedAsync(client, key.Assertion(client, now: DateTime.UtcNow.AddMinutes(-20))); // expired, beyond any clock skew
        await AssertRefusedAsync(client, key.Assertion(client, expiresIn: TimeSpan.FromHours(1))); // lives too long to be kept against replay
        // OpenIddict 7.8 takes only its issuer as audience (RFC 7523bis), not even the token endpoint; it answers invalid_token.
        await AssertRefusedAsync(client, key.Assertion(client, audience: "http://localhost/connect/token"), "invalid_token");
        await AssertRefusedAsync(client, key.Assertion(client, audience: "https://elsewhere.example/"), "invalid_token");
        await AssertRefusedAsync(client, key.Assertion(client, jwtId: new string('j', 200)));
        await AssertRefusedAsync(client, key.Assertion(client, type: "JWT")); // RFC 7523bis: typed client-authentication+jwt, so no other JWT passes for one
        using var otherClientKey = MachineClientKey.EcP256();
        var other = (await MachineClients.RegisterAsync(Fixture, otherClientKey)).ClientId;
        await AssertRefusedAsync(client, otherClientKey.Assertion(other), "invalid_grant"); // another client's assertion under this client id

        Assert.Equal(HttpStatusCode.OK, (await MachineClients.RequestTokenAsync(Fixture.Anonymous(), client, key.Assertion(client))).StatusCode);
    }

    [Fact]
    public async Task Each_assertion_works_once_even_when_replayed_concurrently()
    {
        using var key = MachineClientKey.EcP256();
        var client = (await MachineClients.RegisterAsync(Fixture, key)).ClientId;
        var assertion = key.Assertion(client);
        Assert.Equal(HttpStatusCode.OK, (await MachineClients.RequestTokenAsync(Fixture.Anonymous(), client, assertion)).StatusCode);
        await AssertRefusedAsync(client, assertion);

        // A new assertion that repeats a used jti is a replay too.
        var jwtId = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await MachineClients.RequestTokenAsync(Fixture.Anonymous(), client, key.Assertion(client, jwtId: jwtId))).StatusCode);
        await AssertRefusedAsync(client, key.Assertion(client, jwtId: jwtId));

        // Sent twice at once, one wins: the stored jti is unique in the database.
        var raced = key.Assertion(client);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => MachineClients.RequestTokenAsync(Fixture.Anonymous(), client, raced)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode)); // invalid_client

        // Used assertions are kept as OpenIddict token entries, the jti only inside a SHA-256 hash.
        var kept = await Fixture.WithDbAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>()
            .Where(t => t.Type == OpenIddictConstants.TokenTypeIdentifiers.Private.ClientAssertion && t.Application!.ClientId == client).ToListAsync());
        Assert.Equal(3, kept.Count);
        Assert.All(kept, t => Assert.DoesNotContain(jwtId, t.ReferenceId!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_client_gets_no_more_tokens()
    {
        using var key = MachineClientKey.EcP256();
        var registered = await MachineClients.RegisterAsync(Fixture, key);
        var client = registered.ClientId;
        Assert.Equal(HttpStatusCode.OK, (await MachineClients.RequestTokenAsync(Fixture.Anonymous(), client, key.Assertion(client))).StatusCode);

        var platform = await Fixture.ClientAsync(null, Roles.PlatformAdmin);
        var listed = await (await platform.GetAsync("/api/v1/platform/clients")).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Contains(listed, c => (string?)c["clientId"] == client && (string?)c["keyThumbprint"] == registered.KeyThumbprint);
        // The host's own clients are not the administrators': neither listed nor revocable.
        Assert.DoesNotContain(listed, c => (string?)c["clientId"] == SignInFlow.ClientId);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.DeleteAsync($"/api/v1/platform/clients/{SignInFlow.ClientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await platform.DeleteAsync($"/api/v1/platform/clients/{client}")).StatusCode);
        await AssertRefusedAsync(client, key.Assertion(client));
        Assert.Equal(1, await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.EntityType == "MachineClient" && e.Action == "Revoke" && e.Outcome == "Success")));
    }

    [Fact]
    public async Task Registration_refuses_a_private_key_a_weak_key_and_anything_that_is_not_a_public_key()
    {
        var platform = await Fixture.ClientAsync(null, Roles.PlatformAdmin);
        using var rsa1024 = MachineClientKey.Rsa(1024);
        using var ec = MachineClientKey.EcP256();
        using var p521 = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        using var pkcs1 = RSA.Create(2048);
        string[] refused =
        [
            ec.PrivateKeyPem,
            ec.PublicKeyPem + "\n" + ec.PrivateKeyPem,
            rsa1024.PublicKeyPem,
            p521.ExportSubjectPublicKeyInfoPem(),
            pkcs1.ExportRSAPublicKeyPem(), // PKCS#1 "RSA PUBLIC KEY", not SubjectPublicKeyInfo
            "not a key",
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
            "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(300)) + "\n-----END PUBLIC KEY-----",
            ec.PublicKeyPem + new string(' ', 5000),
            "",
        ];
        foreach (var pem in refused)
        {
            var problem = await (await platform.PostJsonAsync("/api/v1/platform/clients", new { displayName = "Statistics", scopes = new[] { "stats.read" }, publicKey = pem }))
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]?["publicKey"]);
        }

        var missing = await (await platform.PostJsonAsync("/api/v1/platform/clients", new { displayName = "Statistics", scopes = new[] { "stats.read" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]?["publicKey"]); // no key, no secret either: secrets are not allowed here
    }

    [Fact]
    public async Task A_client_secret_works_only_where_configuration_allows_secrets()
    {
        // A client that was given a secret (earlier, or where secrets were allowed) is refused here.
        var clientId = "secret-" + Guid.NewGuid().ToString("N")[..8];
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using (var scope = Fixture.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(SecretClient(clientId, secret));
        }

        Assert.Equal("invalid_client", await ErrorAsync(await RequestWithSecretAsync(Fixture.Anonymous(), clientId, secret)));
        var discovery = await Fixture.Anonymous().GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration");
        var methods = discovery!["token_endpoint_auth_methods_supported"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Contains("private_key_jwt", methods);
        Assert.DoesNotContain(methods, m => m.StartsWith("client_secret", StringComparison.Ordinal));

        // A host that allows secrets registers a client without a key, shows its secret once, and takes it.
        await using var allowing = Fixture.Host.WithWebHostBuilder(host => host.UseSetting("Identity:AllowClientSecrets", "true"));
        await using var system = allowing.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(null);
        var registered = await system.ServiceProvider.GetRequiredService<ISender>().Send(new RegisterMachineClientCommand("Legacy statistics", ["stats.read"]));
        Assert.Null(registered.KeyThumbprint);
        Assert.False(string.IsNullOrEmpty(registered.ClientSecret));
        Assert.Equal(HttpStatusCode.OK, (await RequestWithSecretAsync(allowing.CreateClient(), registered.ClientId, registered.ClientSecret!)).StatusCode);
        Assert.Equal("invalid_client", await ErrorAsync(await RequestWithSecretAsync(Fixture.Anonymous(), registered.ClientId, registered.ClientSecret!)));
    }

    private async Task AssertRefusedAsync(string clientId, string assertion, string error = "invalid_client")
    {
        var response = await MachineClients.RequestTokenAsync(Fixture.Anonymous(), clientId, assertion);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{(int)response.StatusCode}");
        Assert.Equal(error, await ErrorAsync(response));
    }

    /// <summary>RFC 7638 by hand: SHA-256 of the required members in lexicographic order, without white space.</summary>
    private static string ThumbprintOf(MachineClientKey key)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.PublicKeyPem);
        var parameters = rsa.ExportParameters(false);
        var canonical = $"{{\"e\":\"{SignInFlow.Base64Url(parameters.Exponent!)}\",\"kty\":\"RSA\",\"n\":\"{SignInFlow.Base64Url(parameters.Modulus!)}\"}}";
        return SignInFlow.Base64Url(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
    }

    private static OpenIddictApplicationDescriptor SecretClient(string clientId, string secret) => new()
    {
        ClientId = clientId,
        ClientSecret = secret,
        ClientType = OpenIddictConstants.ClientTypes.Confidential,
        Permissions =
        {
            OpenIddictConstants.Permissions.Endpoints.Token,
            OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
            OpenIddictConstants.Permissions.Prefixes.Scope + CaseManagementIdentityOptions.StatisticsScope,
        },
    };

    private static Task<HttpResponseMessage> RequestWithSecretAsync(HttpClient client, string clientId, string secret) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = CaseManagementIdentityOptions.StatisticsScope,
        }));

    private static async Task<string?> ErrorAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error"];
}
