using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>Sessions end absolutely (configurable), and the issuer and accepted hosts come from configuration.</summary>
public sealed class SessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task Refreshing_stops_once_the_session_lifetime_has_passed()
    {
        var (staff, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var tokens = await SignInFlow.SignInAsync(fixture.Host, staff);

        fixture.Clock.Advance(TimeSpan.FromMinutes(40));
        var refreshed = await RefreshAsync(tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var rotated = JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())!;

        // The rotated refresh token is fresh, but the session it belongs to is 70 minutes old.
        fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        var expired = await RefreshAsync((string)rotated["refresh_token"]!);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("invalid_grant", (string?)JsonNode.Parse(await expired.Content.ReadAsStringAsync())!["error"]);
    }

    [Fact]
    public async Task The_web_sign_in_ends_after_its_idle_time_and_at_the_session_lifetime_however_often_used()
    {
        var (staff, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        using var browser = SignInFlow.Browser(fixture.Host);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2Fcaseload", UriKind.Relative), staff)).StatusCode);

        // Each page renews the 15-minute idle time.
        for (var minute = 0; minute < 42; minute += 14)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/caseload")).StatusCode);
            fixture.Clock.Advance(TimeSpan.FromMinutes(14));
        }

        // Sixteen minutes without a page: signed out.
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/caseload")).StatusCode);

        // Signed in again and busy all along: the session still ends an hour (this host's lifetime) after the sign-in.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1)); // a new authenticator step
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2Fcaseload", UriKind.Relative), staff)).StatusCode);
        for (var minute = 0; minute < 60; minute += 10)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/caseload")).StatusCode);
            fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        AssertSentToSignIn(await browser.GetAsync("/caseload"));
    }

    [Fact]
    public async Task Signing_out_ends_the_web_session_on_the_server_so_a_copied_cookie_opens_nothing()
    {
        var (staff, id) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        using var browser = SignInFlow.Browser(fixture.Host);
        var signIn = await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2Fcaseload", UriKind.Relative), staff);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("casemanagement.signin=", StringComparison.Ordinal)).Split(';')[0];
        var page = await browser.GetStringAsync("/caseload");
        // The same cookie, copied to another machine (a shared computer, a proxy's log).
        using var copied = fixture.Host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copied.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/caseload")).StatusCode); // the copy works while the session lives

        var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignInFlow.Field(page, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        AssertSentToSignIn(await copied.GetAsync("/caseload"));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Set<CaseManagement.Infrastructure.Identity.WebSession>().CountAsync(s => s.UserId == id)));
    }

    [Fact]
    public async Task A_disabled_account_or_ended_sessions_send_the_cookie_back_to_sign_in_and_background_requests_do_not_keep_it_alive()
    {
        var (staff, id) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        using var browser = SignInFlow.Browser(fixture.Host);
        await SignInAsync(browser, staff);

        // A dashboard polling in a forgotten tab is not the person: the idle time still runs out.
        for (var minute = 0; minute < 14; minute += 7)
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, "/caseload");
            poll.Headers.Add("Sec-Fetch-Dest", "empty");
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(poll)).StatusCode);
            fixture.Clock.Advance(TimeSpan.FromMinutes(7));
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/caseload")).StatusCode);

        // All sessions ended (a new security stamp): the live cookie is signed out, and its page is the sign-in, not a 403.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await SignInAsync(browser, staff);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/caseload")).StatusCode);
        await fixture.WithUserAsync(id, (users, user) => users.UpdateSecurityStampAsync(user));
        AssertSentToSignIn(await browser.GetAsync("/caseload"));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Set<CaseManagement.Infrastructure.Identity.WebSession>().CountAsync(s => s.UserId == id)));
    }

    [Fact]
    public async Task An_access_token_opens_no_page()
    {
        var token = (await fixture.ClientAsync(fixture.OrganisationA, Roles.SocialWorker)).DefaultRequestHeaders.Authorization;
        using var client = fixture.Host.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = token;
        AssertSentToSignIn(await client.GetAsync("/caseload"));
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task SignInAsync(HttpClient browser, SignInFlow.StaffCredentials staff) =>
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2Fcaseload", UriKind.Relative), staff)).StatusCode);

    [Fact]
    public async Task The_issuer_is_the_configured_one_whatever_host_the_request_names()
    {
        var discovery = JsonNode.Parse(await fixture.Anonymous().GetStringAsync("/.well-known/openid-configuration"))!;
        Assert.Equal(SessionFixture.Issuer, (string?)discovery["issuer"]);

        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Anonymous().SendAsync(request)).StatusCode);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        fixture.Anonymous().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = SignInFlow.ClientId,
        }));
}
