using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>
/// Passkeys after the recent sign-in has passed (a clock the test moves): adding or removing one
/// then needs the password and a fresh authenticator code again. The host pins an issuer, which
/// the relying party follows when none is configured.
/// </summary>
public sealed class PasskeyStepUpTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task Six_minutes_after_signing_in_adding_or_removing_a_passkey_needs_the_password_and_a_code()
    {
        var (staff, id) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        using var browser = SignInFlow.Browser(fixture.Host);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2F", UriKind.Relative), staff)).StatusCode);
        var passkey = new UserPasskeyInfo(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(77), DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [], []);
        await fixture.WithUserAsync(id, (users, user) => users.AddOrUpdatePasskeyAsync(user, passkey));
        fixture.Clock.Advance(TimeSpan.FromMinutes(6));

        var page = await browser.GetStringAsync("/account/passkeys");
        Assert.Contains("id=\"add-password\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"remove-code\"", page, StringComparison.Ordinal);
        var token = SignInFlow.Field(page, "__RequestVerificationToken");
        var passkeyId = SignInFlow.Base64Url(passkey.CredentialId);

        // Without the proof: refused, counted, audited, and the passkey stays.
        var refused = await PostAsync(browser, "/account/passkeys/remove", new() { ["passkey"] = passkeyId }, token);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nu a funcționat", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await PasskeysAsync(id));
        Assert.Equal(1, await fixture.WithUserAsync(id, (users, user) => users.GetAccessFailedCountAsync(user)));
        Assert.Equal(1, await AuditCountAsync(id, "PasskeyRemoved", "Denied"));
        var options = await PostAsync(browser, "/account/passkeys/options", new() { ["name"] = "" }, token);
        Assert.Equal(HttpStatusCode.BadRequest, options.StatusCode);
        Assert.Equal(1, await AuditCountAsync(id, "PasskeyAdded", "Denied"));

        // With the password and a code of a new step: the options, for the issuer's host.
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        options = await PostAsync(browser, "/account/passkeys/options",
            new() { ["name"] = "", ["password"] = staff.Password, ["code"] = Totp.At(staff.AuthenticatorKey, fixture.Clock.GetUtcNow()) }, token);
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        Assert.Equal("cases.example.test", (string?)JsonNode.Parse(await options.Content.ReadAsStringAsync())!["rp"]!["id"]);

        // And the removal, with a code of the next step.
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var removed = await PostAsync(browser, "/account/passkeys/remove",
            new() { ["passkey"] = passkeyId, ["password"] = staff.Password, ["code"] = Totp.At(staff.AuthenticatorKey, fixture.Clock.GetUtcNow()) }, token);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await PasskeysAsync(id));
        Assert.Equal(0, await fixture.WithUserAsync(id, (users, user) => users.GetAccessFailedCountAsync(user)));
    }

    private Task<int> PasskeysAsync(Guid id) => fixture.WithUserAsync(id, async (users, user) => (await users.GetPasskeysAsync(user)).Count);

    private Task<int> AuditCountAsync(Guid userId, string action, string outcome) =>
        fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.UserId == userId && e.Action == action && e.Outcome == outcome));

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string> fields, string token)
    {
        fields["__RequestVerificationToken"] = token;
        return browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
