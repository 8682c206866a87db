using System.Security.Cryptography;
using System.Text.Json;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>
/// Passkeys in a real browser, with Chromium's virtual authenticator (DevTools' WebAuthn domain)
/// standing in for a phone or a security key: the key is made and used by the browser's own
/// WebAuthn code, and the server's checks are Identity's, unmocked.
/// </summary>
public abstract partial class WebJourneySuite<TFixture>
{
    [Fact]
    public async Task A_person_adds_a_passkey_signs_in_with_the_password_and_the_passkey_and_removes_it_while_replays_and_other_keys_are_refused()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, userId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        var authenticator = await VirtualAuthenticator.AddAsync(page);

        // Signed in with the authenticator code moments ago, adding a passkey still asks for the password and a new code.
        // The account's pages are Romanian too until the person chooses; this one then goes on in English.
        await SignInAsync(page, staff, "/account/passkeys");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chei de acces", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        Assert.Equal(Fixture.Origin + "account/passkeys", page.Url);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Passkeys", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Adding a passkey needs JavaScript")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("Password")).ToHaveCountAsync(1);
        await PageChecks.AssertFormsProtectedAsync(page);
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "passkeys-none-en");

        await page.GetByLabel("Name").FillAsync("office laptop");
        await page.GetByLabel("Password").FillAsync(staff.Password);
        await page.GetByLabel("Authenticator code").FillAsync(Totp.At(staff.AuthenticatorKey, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.Locator("#passkeys li")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^office laptop added \\d{2}/\\d{2}/\\d{4}$"));
        Assert.Single(await authenticator.CredentialsAsync());
        Assert.Equal(1, await PasskeyCountAsync(userId));
        Assert.Equal(1, await AuditCountAsync(userId, "PasskeyAdded", "Success"));
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "passkeys-one-en");

        // Signed out, then in again with the password and the passkey instead of a code.
        await page.GotoAsync(Fixture.Origin.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync(Fixture.Origin + "account/login?returnUrl=%2Fcaseload");
        await page.GetByLabel("User name").FillAsync(staff.UserName);
        await page.GetByLabel("Password").FillAsync(staff.Password);
        var usePasskey = page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey instead of a code" });
        await Assertions.Expect(usePasskey).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "sign-in-with-passkey-en");
        var assertion = await page.RunAndWaitForRequestAsync(() => usePasskey.ClickAsync(),
            r => r.Url == Fixture.Origin + "account/login/passkey" && r.Method == "POST");
        await page.WaitForURLAsync(Fixture.Origin + "caseload");
        // The caseload reads personal data, which a social worker's session reaches only with a second factor.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Cazurile mele|My caseload"));
        Assert.Equal(2, await AuditCountAsync(userId, "SignIn", "Success")); // with the code, then with the passkey
        Assert.Equal(0, await Fixture.WithUserAsync(userId, (users, user) => users.GetAccessFailedCountAsync(user)));
        // The signature count the authenticator reports is the one stored: a cloned key would show an older one.
        var counted = (await authenticator.CredentialsAsync()).Single().GetProperty("signCount").GetUInt32();
        Assert.True(counted > 0, "the virtual authenticator counts signatures");
        Assert.Equal(counted, await Fixture.WithUserAsync(userId, async (users, user) => (await users.GetPasskeysAsync(user)).Single().SignCount));

        // The same assertion again: its challenge was used, so it is refused.
        await page.GotoAsync(Fixture.Origin + "account/login");
        Assert.Equal(400, await PostFromPageAsync(page, "/account/login/passkey", assertion.PostData!));
        // With a new challenge of this user's, the old assertion answers the wrong challenge: refused, and counted.
        Assert.Equal(200, await PostFromPageAsync(page, "/account/login/passkey/options", await CredentialsFormAsync(page, staff)));
        Assert.Equal(400, await PostFromPageAsync(page, "/account/login/passkey", assertion.PostData!));
        Assert.Equal(1, await Fixture.WithUserAsync(userId, (users, user) => users.GetAccessFailedCountAsync(user)));

        // Another person's challenge, answered by this person's passkey (the browser picks it as a discoverable key): refused.
        var (other, otherId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await Fixture.WithUserAsync(otherId, (users, user) => users.AddOrUpdatePasskeyAsync(user, UnusablePasskey()));
        var crossed = await page.EvaluateAsync<int>("""
            async ([options, finish, body]) => {
              const token = document.querySelector('input[name="__RequestVerificationToken"]').value;
              const asked = await fetch(options, { method: 'POST', body: new URLSearchParams(body + '&__RequestVerificationToken=' + encodeURIComponent(token)) });
              const json = await asked.json();
              delete json.allowCredentials; // whichever key of this site the authenticator holds
              const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
              const answer = await fetch(finish, { method: 'POST', body: new URLSearchParams({ credential: JSON.stringify(credential), __RequestVerificationToken: token }) });
              return answer.status;
            }
            """, new object[] { "/account/login/passkey/options", "/account/login/passkey", await CredentialsFormAsync(page, other, withToken: false) });
        Assert.Equal(400, crossed);
        Assert.Equal(1, await Fixture.WithUserAsync(otherId, (users, user) => users.GetAccessFailedCountAsync(user)));
        Assert.Equal(1, await AuditCountAsync(otherId, "SignInFailed", "Denied"));

        // Still signed in from the passkey sign-in, a few minutes ago: the passkey is removed without a code.
        await page.GotoAsync(Fixture.Origin + "account/passkeys");
        await page.GetByLabel("Passkey", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();
        Assert.Equal(0, await PasskeyCountAsync(userId));
        Assert.Equal(1, await AuditCountAsync(userId, "PasskeyRemoved", "Success"));
        await AccessibleAsync(page, watch);
        watch.AssertClean();
    }

    /// <summary>The sign-in form's fields for <paramref name="staff"/>, URL-encoded, with the page's antiforgery token unless told otherwise.</summary>
    private static async Task<string> CredentialsFormAsync(IPage page, SignInFlow.StaffCredentials staff, bool withToken = true)
    {
        var fields = $"userName={Uri.EscapeDataString(staff.UserName)}&password={Uri.EscapeDataString(staff.Password)}";
        return withToken
            ? fields + "&__RequestVerificationToken=" + Uri.EscapeDataString(await page.Locator("input[name='__RequestVerificationToken']").First.InputValueAsync())
            : fields;
    }

    /// <summary>A POST from the page itself (its cookies, its origin), as its script would send it; returns the status.</summary>
    private static Task<int> PostFromPageAsync(IPage page, string path, string urlEncodedBody) =>
        page.EvaluateAsync<int>("""
            async ([path, body]) => (await fetch(path, { method: 'POST', body: new URLSearchParams(body) })).status
            """, new[] { path, urlEncodedBody });

    /// <summary>A passkey on record whose private key nobody holds.</summary>
    private static UserPasskeyInfo UnusablePasskey() =>
        new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(77), DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [], []);

    private Task<int> PasskeyCountAsync(Guid userId) =>
        Fixture.WithUserAsync(userId, async (users, user) => (await users.GetPasskeysAsync(user)).Count);

    private Task<int> AuditCountAsync(Guid userId, string action, string outcome) =>
        Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.UserId == userId && e.Action == action && e.Outcome == outcome));

    /// <summary>Chromium's virtual authenticator, attached to one page: a platform authenticator with user verification (as a phone's fingerprint reader).</summary>
    private sealed class VirtualAuthenticator(ICDPSession devTools, string id)
    {
        public static async Task<VirtualAuthenticator> AddAsync(IPage page)
        {
            var devTools = await page.Context.NewCDPSessionAsync(page);
            await devTools.SendAsync("WebAuthn.enable", new() { ["enableUI"] = false });
            var added = await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new()
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2",
                    ["ctap2Version"] = "ctap2_1",
                    ["transport"] = "internal",
                    ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true,
                    ["isUserVerified"] = true,
                    ["automaticPresenceSimulation"] = true,
                },
            });
            return new VirtualAuthenticator(devTools, added!.Value.GetProperty("authenticatorId").GetString()!);
        }

        public async Task<IReadOnlyList<JsonElement>> CredentialsAsync()
        {
            var result = await devTools.SendAsync("WebAuthn.getCredentials", new() { ["authenticatorId"] = id });
            return [.. result!.Value.GetProperty("credentials").EnumerateArray()];
        }
    }
}
