using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Api.Tests.Providers;
using CaseManagement.Application.Common.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>
/// Passkeys over HTTP, where no browser is needed: what the sign-in's passkey step and the passkeys
/// page refuse, and an administrator's reset. The ceremonies themselves run in the browser journeys.
/// </summary>
public sealed class PasskeyTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    // The pages' default language is Romanian.
    private const string Failed = "Autentificarea nu a reușit. Verificați datele introduse sau, dacă acest cont este blocat, încercați mai târziu.";

    [Fact]
    public async Task Passkey_options_need_the_password_and_a_passkey_and_count_as_an_attempt_until_the_passkey_succeeds()
    {
        var (staff, id) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var browser = SignInFlow.Browser(fixture.Host);
        var token = await TokenAsync(browser, "/account/login");

        var wrongPassword = await PostAsync(browser, "/account/login/passkey/options", new() { ["userName"] = staff.UserName, ["password"] = staff.Password + "x" }, token);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal(Failed, (string?)(await Json(wrongPassword))["error"]);
        Assert.Equal(1, await FailedCountAsync(id));

        // The right password, but no passkey to ask for: the same answer, and the same count as a wrong code.
        var none = await PostAsync(browser, "/account/login/passkey/options", new() { ["userName"] = staff.UserName, ["password"] = staff.Password }, token);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(Failed, (string?)(await Json(none))["error"]);
        Assert.Equal(2, await FailedCountAsync(id));
        Assert.False(none.Headers.TryGetValues("Set-Cookie", out var noCookies) && noCookies.Any(c => c.StartsWith("casemanagement.passkey=", StringComparison.Ordinal)));

        // With a passkey on record: options naming that passkey only, for this site, and a challenge cookie for the account pages only.
        var passkey = UnusablePasskey();
        await fixture.WithUserAsync(id, (users, user) => users.AddOrUpdatePasskeyAsync(user, passkey));
        var options = await PostAsync(browser, "/account/login/passkey/options", new() { ["userName"] = staff.UserName, ["password"] = staff.Password }, token);
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        var json = await Json(options);
        Assert.Equal("localhost", (string?)json["rpId"]);
        Assert.Equal("required", (string?)json["userVerification"]);
        Assert.Equal(SignInFlow.Base64Url(passkey.CredentialId), (string?)json["allowCredentials"]!.AsArray().Single()!["id"]);
        var cookie = options.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("casemanagement.passkey=", StringComparison.Ordinal));
        Assert.Contains("path=/account", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, await FailedCountAsync(id)); // counted until a passkey proves the rest
        Assert.Equal(1, await fixture.WithDbAsync(db => db.Set<CaseManagement.Infrastructure.Identity.PasskeyChallenge>().CountAsync(c => c.UserId == id)));

        // A forged answer: refused, never explained, and the challenge is spent, so a second try meets none.
        var forged = await PostAsync(browser, "/account/login/passkey", new() { ["credential"] = "{\"id\":\"AAAA\",\"type\":\"public-key\"}", ["returnUrl"] = "/" }, token);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(Failed, (string?)(await Json(forged))["error"]);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Set<CaseManagement.Infrastructure.Identity.PasskeyChallenge>().CountAsync(c => c.UserId == id)));
        Assert.Equal(3, await FailedCountAsync(id));
        Assert.Equal(3, await AuditCountAsync(id, "SignInFailed", "Denied"));
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("casemanagement.signin=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_passkey_answer_without_a_challenge_or_without_the_antiforgery_token_is_refused()
    {
        var browser = SignInFlow.Browser(fixture.Host);
        var token = await TokenAsync(browser, "/account/login");
        var fields = new Dictionary<string, string> { ["credential"] = "{}", ["returnUrl"] = "/" };

        // Without script the page is the code form it always was: the passkey button is hidden until the script shows it.
        var login = await browser.GetStringAsync("/account/login");
        Assert.Matches("<button type=\"button\" id=\"use-passkey\"[^>]* hidden>", login);
        Assert.Contains("<script src=\"/assets/passkey.js\"></script>", login, StringComparison.Ordinal);
        var script = await browser.GetAsync("/assets/passkey.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("innerHTML", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noChallenge = await PostAsync(browser, "/account/login/passkey", fields, token);
        Assert.Equal(HttpStatusCode.BadRequest, noChallenge.StatusCode);
        Assert.Equal(Failed, (string?)(await Json(noChallenge))["error"]);

        var noToken = await PostAsync(browser, "/account/login/passkey", fields, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var noTokenOptions = await PostAsync(browser, "/account/login/passkey/options", new() { ["userName"] = "x", ["password"] = "y" }, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, noTokenOptions.StatusCode);
    }

    [Fact]
    public async Task The_passkeys_page_needs_a_sign_in_and_its_posts_the_antiforgery_token()
    {
        var anonymous = SignInFlow.Browser(fixture.Host);
        var page = await anonymous.GetAsync("/account/passkeys");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Faccount%2Fpasskeys", page.Headers.Location!.OriginalString);
        var loginToken = await TokenAsync(anonymous, "/account/login");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, "/account/passkeys/options", new(), loginToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, "/account/passkeys/add", new() { ["credential"] = "{}" }, loginToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(anonymous, "/account/passkeys/remove", new() { ["passkey"] = "AAAA" }, loginToken)).StatusCode);

        var (staff, id) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var browser = await SignedInAsync(staff);
        var shown = await browser.GetAsync("/account/passkeys");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("script-src 'self'", shown.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await shown.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/assets/passkey.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("Nu aveți încă nicio cheie de acces.", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<[^>]*\\son[a-z]+=", html); // no inline handlers: the policy would refuse them
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(browser, "/account/passkeys/options", new(), token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(browser, "/account/passkeys/remove", new() { ["passkey"] = "AAAA" }, token: null)).StatusCode);

        // Even moments after signing in, adding asks for the password and a new code; then the options, for this site
        // and this account's user name only.
        var token = await TokenAsync(browser, "/account/passkeys");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(browser, "/account/passkeys/options", new() { ["name"] = "office laptop" }, token)).StatusCode);
        var options = await PostAsync(browser, "/account/passkeys/options",
            new() { ["name"] = "office laptop", ["password"] = staff.Password, ["code"] = Totp.At(staff.AuthenticatorKey, DateTimeOffset.UtcNow.AddSeconds(30)) }, token);
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        var json = await Json(options);
        Assert.Equal("localhost", (string?)json["rp"]!["id"]);
        Assert.Equal(staff.UserName, (string?)json["user"]!["name"]);
        Assert.Equal(staff.UserName, (string?)json["user"]!["displayName"]);
        Assert.Equal("required", (string?)json["authenticatorSelection"]!["userVerification"]);

        // A name with a direction override is refused before any ceremony.
        var disguised = await PostAsync(browser, "/account/passkeys/options", new() { ["name"] = "laptop\u202Egpj.exe" }, token);
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Equal(0, await fixture.WithUserAsync(id, async (users, user) => (await users.GetPasskeysAsync(user)).Count));
    }

    [Fact]
    public async Task Removing_a_passkey_ends_the_other_sessions_keeps_this_one_and_is_audited()
    {
        var (staff, id) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var browser = await SignedInAsync(staff);
        var passkey = UnusablePasskey();
        await fixture.WithUserAsync(id, (users, user) => users.AddOrUpdatePasskeyAsync(user, passkey));
        var stamp = await fixture.WithUserAsync(id, (users, user) => users.GetSecurityStampAsync(user));
        var token = await TokenAsync(browser, "/account/passkeys");

        // Someone else's passkey, or none at all: refused, nothing removed.
        var unknown = await PostAsync(browser, "/account/passkeys/remove", new() { ["passkey"] = SignInFlow.Base64Url(RandomNumberGenerator.GetBytes(32)) }, token);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var removed = await PostAsync(browser, "/account/passkeys/remove", new() { ["passkey"] = SignInFlow.Base64Url(passkey.CredentialId) }, token);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await fixture.WithUserAsync(id, async (users, user) => (await users.GetPasskeysAsync(user)).Count));
        Assert.NotEqual(stamp, await fixture.WithUserAsync(id, (users, user) => users.GetSecurityStampAsync(user)));
        Assert.Equal(1, await AuditCountAsync(id, "PasskeyRemoved", "Success"));
        // This browser's session carries on, with its second factor (the caseload reads personal data).
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/passkeys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/caseload")).StatusCode);
    }

    [Fact]
    public async Task An_administrators_reset_removes_the_persons_passkeys_with_the_rest_of_their_second_factor()
    {
        var (_, id) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        await fixture.WithUserAsync(id, (users, user) => users.AddOrUpdatePasskeyAsync(user, UnusablePasskey()));
        await fixture.WithUserAsync(id, (users, user) => users.AddOrUpdatePasskeyAsync(user, UnusablePasskey()));
        Assert.True(await fixture.WithUserAsync(id, (users, _) => Task.FromResult(users.SupportsUserPasskey)));

        var admin = await fixture.ClientAsync(fixture.OrganisationA, Roles.OrganisationAdmin);
        await (await admin.PostJsonAsync($"/api/v1/admin/users/{id}/invitation", new { })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(0, await fixture.WithUserAsync(id, async (users, user) => (await users.GetPasskeysAsync(user)).Count));
    }

    [Theory]
    [InlineData("http://localhost", null, null, true)] // the request's own origin, when nothing is configured
    [InlineData("http://LOCALHOST:80", null, null, true)]
    [InlineData("http://localhost:8080", null, null, false)]
    [InlineData("https://evil.example", null, null, false)]
    [InlineData("null", null, null, false)]
    [InlineData("https://cases.example.org", "https://cases.example.org/", null, true)] // the issuer's origin
    [InlineData("http://localhost", "https://cases.example.org/", null, false)]
    [InlineData("https://app.example.org", "https://cases.example.org/", "https://app.example.org", true)] // configured origins win
    [InlineData("https://cases.example.org", "https://cases.example.org/", "https://app.example.org", false)]
    public async Task A_passkey_answer_is_taken_only_from_this_sites_pages(string origin, string? issuer, string? configured, bool allowed)
    {
        var options = new CaseManagement.Infrastructure.Identity.CaseManagementIdentityOptions { Issuer = issuer };
        if (configured is not null)
        {
            options.Passkeys.Origins.Add(configured);
        }

        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(Microsoft.Extensions.Options.Options.Create(options)).BuildServiceProvider(),
        };
        context.Request.Scheme = "http";
        context.Request.Host = new Microsoft.AspNetCore.Http.HostString("localhost");
        Assert.Equal(allowed, await CaseManagement.Infrastructure.Identity.PasskeyOrigins.IsAllowedAsync(
            new PasskeyOriginValidationContext { HttpContext = context, Origin = origin, CrossOrigin = false }));
        // Framed by another site, never.
        Assert.False(await CaseManagement.Infrastructure.Identity.PasskeyOrigins.IsAllowedAsync(
            new PasskeyOriginValidationContext { HttpContext = context, Origin = origin, CrossOrigin = true }));
    }

    /// <summary>A passkey on record whose private key nobody holds.</summary>
    private static UserPasskeyInfo UnusablePasskey() =>
        new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(77), DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [], []);

    private async Task<HttpClient> SignedInAsync(SignInFlow.StaffCredentials staff)
    {
        var browser = SignInFlow.Browser(fixture.Host);
        var response = await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2F", UriKind.Relative), staff);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in: {(int)response.StatusCode}");
        return browser;
    }

    private static async Task<string> TokenAsync(HttpClient browser, string page) =>
        SignInFlow.Field(await browser.GetStringAsync(page), "__RequestVerificationToken");

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string> fields, string? token)
    {
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("no JSON");

    private Task<int> FailedCountAsync(Guid id) => fixture.WithUserAsync(id, (users, user) => users.GetAccessFailedCountAsync(user));

    private Task<int> AuditCountAsync(Guid userId, string action, string outcome) =>
        fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.UserId == userId && e.Action == action && e.Outcome == outcome));
}
