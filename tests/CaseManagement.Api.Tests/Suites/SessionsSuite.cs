using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;
using static CaseManagement.Api.Tests.Infrastructure.TokenRequests;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>People see and end their own sessions, administrators end all of a colleague's; either way on the next request.</summary>
public abstract class SessionsSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_revoked_session_is_refused_on_the_next_request_and_its_refresh_token_too()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var laptop = await SignInFlow.SignInAsync(Fixture.Host, staff);
        var phone = await RepeatSignIn.AgainAsync(Fixture, staff, id);
        var laptopClient = Fixture.WithToken(laptop.AccessToken);
        var phoneClient = Fixture.WithToken(phone.AccessToken);

        var seen = await SessionsAsync(laptopClient);
        Assert.Equal(2, seen.Count);
        Assert.All(seen, s => Assert.Equal("Test browser", (string?)s["client"]));
        var laptopSession = CurrentId(seen);
        var phoneSession = CurrentId(await SessionsAsync(phoneClient));
        Assert.NotEqual(laptopSession, phoneSession);

        // A refresh stays in its session.
        var refreshed = await (await RefreshAsync(Fixture.Anonymous(), phone.RefreshToken!)).Content.ReadFromJsonAsync<SignInFlow.Tokens>();
        Assert.Equal(phoneSession, CurrentId(await SessionsAsync(Fixture.WithToken(refreshed!.AccessToken))));

        Assert.Equal(HttpStatusCode.NoContent, (await laptopClient.DeleteAsync($"/api/v1/me/sessions/{phoneSession}")).StatusCode);

        // Refused at once, not when the 15-minute token expires; so is the refresh token of that session.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.WithToken(refreshed.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phoneClient.GetAsync("/api/v1/beneficiaries")).StatusCode);
        var refresh = await RefreshAsync(Fixture.Anonymous(), refreshed.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(refresh));

        // The other session goes on, and a second revocation finds nothing.
        Assert.Equal(HttpStatusCode.OK, (await laptopClient.GetAsync("/api/v1/beneficiaries")).StatusCode);
        Assert.Equal([laptopSession], (await SessionsAsync(laptopClient)).Select(s => (Guid)s["id"]!));
        await (await laptopClient.DeleteAsync($"/api/v1/me/sessions/{phoneSession}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_sees_or_revokes_another_persons_session()
    {
        var (owner, _) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var ownSession = CurrentId(await SessionsAsync(owner));
        foreach (var (other, _) in new[]
                 {
                     await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker),
                     await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin),
                     await Fixture.NewUserClientAsync(Fixture.OrganisationB, Roles.OrganisationAdmin),
                     await Fixture.NewUserClientAsync(null, Roles.PlatformAdmin),
                 })
        {
            Assert.DoesNotContain(await SessionsAsync(other), s => (Guid)s["id"]! == ownSession);
            await (await other.DeleteAsync($"/api/v1/me/sessions/{ownSession}")).ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/v1/beneficiaries")).StatusCode);
        await (await owner.DeleteAsync($"/api/v1/me/sessions/{Guid.CreateVersion7()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Ending_ones_current_session_signs_that_token_out()
    {
        var (client, _) = await Fixture.NewUserClientAsync(null, Roles.Secretariat);
        var current = CurrentId(await SessionsAsync(client));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/me/sessions/{current}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me/sessions")).StatusCode);
    }

    [Fact]
    public async Task An_admin_ends_every_session_of_their_own_user_and_a_foreign_user_is_not_found()
    {
        var (admin, adminId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var (staff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = SignInFlow.Browser(Fixture.Host);
        var code = await SignInFlow.AuthorizationCodeAsync(browser, staff, SignInFlow.DefaultScopes, out var verifier);
        var first = await SignInFlow.RedeemAsync(Fixture.Anonymous(), code, verifier);
        var second = await RepeatSignIn.AgainAsync(Fixture, staff, workerId);

        var foreignAdmin = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.OrganisationAdmin);
        await (await foreignAdmin.PostAsync($"/api/v1/admin/users/{workerId}/sessions/revoke", Body("{}"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/v1/admin/users/{adminId}/sessions/revoke", Body("{}"))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.WithToken(first.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/users/{workerId}/sessions/revoke", Body("{}"))).StatusCode);

        foreach (var tokens in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.WithToken(tokens.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
            Assert.Equal("invalid_grant", await ErrorAsync(await RefreshAsync(Fixture.Anonymous(), tokens.RefreshToken!)));
        }

        // The browser's sign-in cookie is over too: it is sent to the sign-in page, not given a code.
        var again = await browser.GetAsync(SignInFlow.AuthorizeUrl(SignInFlow.DefaultScopes, SignInFlow.Base64Url(new byte[32]), "S256"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("/account/login", again.Headers.Location!.ToString(), StringComparison.Ordinal);

        // The account itself still works: a new sign-in does.
        var fresh = await RepeatSignIn.AgainAsync(Fixture, staff, workerId);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.WithToken(fresh.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
    }

    [Fact]
    public async Task Device_flow_tokens_belong_to_a_session_and_machine_clients_have_none()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Lawyer);
        var cli = Fixture.Anonymous();
        var device = JsonNode.Parse(await (await cli.PostAsync("/connect/device", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = SignInFlow.DeviceClientId,
            ["scope"] = "api offline_access",
        }))).Content.ReadAsStringAsync())!;
        var browser = SignInFlow.Browser(Fixture.Host);
        var verify = await browser.GetAsync("/connect/verify");
        var login = await SignInFlow.PostLoginAsync(browser, verify.Headers.Location!, staff);
        await SignInFlow.ConfirmDeviceAsync(browser, await browser.GetStringAsync(login.Headers.Location), (string)device["user_code"]!);
        var granted = await cli.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["device_code"] = (string)device["device_code"]!,
            ["client_id"] = SignInFlow.DeviceClientId,
        }));
        var tokens = (await granted.Content.ReadFromJsonAsync<SignInFlow.Tokens>())!;
        var client = Fixture.WithToken(tokens.AccessToken);

        var sessions = await SessionsAsync(client);
        var session = Assert.Single(sessions);
        Assert.Equal("Test command line", (string?)session["client"]);
        Assert.True((bool)session["current"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/me/sessions/{(Guid)session["id"]!}")).StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(await cli.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = tokens.RefreshToken!,
            ["client_id"] = SignInFlow.DeviceClientId,
        }))));

        // A machine client's token names no session and is still accepted (403 from the policy, not 401).
        using var key = MachineClientKey.EcP256();
        var machine = await MachineClients.RegisterAsync(Fixture, key);
        var response = await MachineClients.RequestTokenAsync(Fixture.Anonymous(), machine.ClientId, key.Assertion(machine.ClientId));
        var machineClient = Fixture.WithToken((await response.Content.ReadFromJsonAsync<SignInFlow.Tokens>())!.AccessToken);
        await (await machineClient.GetAsync("/api/v1/me/sessions")).ProblemAsync(HttpStatusCode.Forbidden);

        // Its token has an entry, which goes with its registration: a revoked client's token stops at once.
        var platform = await Fixture.ClientAsync(null, Roles.PlatformAdmin);
        Assert.Equal(HttpStatusCode.NoContent, (await platform.DeleteAsync($"/api/v1/platform/clients/{machine.ClientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await machineClient.GetAsync("/api/v1/me/sessions")).StatusCode);
    }

    private static async Task<List<JsonObject>> SessionsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/me/sessions");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return [.. JsonNode.Parse(text)!.AsArray().Select(s => s!.AsObject())];
    }

    private static Guid CurrentId(IEnumerable<JsonObject> sessions) => (Guid)sessions.Single(s => (bool)s["current"]!)["id"]!;
}
