using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Web.Shared;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>
/// The web application in a real browser, on each provider: sign-in with a password and an
/// authenticator code, a role's main screen, the language switch, and a page the role may not
/// open. Every page is checked with axe, its headers and its forms, and photographed.
/// </summary>
public abstract class WebJourneySuite<TFixture>(TFixture fixture)
    where TFixture : ApiFixture, IBrowserFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task A_social_worker_signs_in_with_a_code_reads_the_caseload_in_Romanian_and_English_and_is_refused_the_ledger()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        // The API signs in with the previous step's code, so the browser's code (this step's) is still unused.
        using var signInBrowser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Fixture.BaseAddress };
        using var tokenClient = new HttpClient { BaseAddress = Fixture.BaseAddress };
        var tokens = await SignInFlow.SignInAsync(signInBrowser, tokenClient, staff with { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(-30)) });
        var api = Fixture.WithToken(tokens.AccessToken);
        var beneficiary = await api.RegisterAsync(ApiCalls.Beneficiary("Ioana Web " + Guid.NewGuid().ToString("N")[..6]));
        var opened = await (await api.PostJsonAsync("/api/v1/cases", new { beneficiaryId = beneficiary, openedOn = Fixture.DaysAgo(3), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var caseId = (Guid)opened["id"]!;

        await using var context = await browser.NewContextAsync();
        var watch = new PageWatch(context, Fixture.Origin);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(10_000);

        // Not signed in: the caseload sends the browser to sign in, and back afterwards.
        await page.GotoAsync(Fixture.Origin + "caseload", new() { Timeout = 30_000 });
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User name").FillAsync(staff.UserName);
        await page.GetByLabel("Password").FillAsync(staff.Password);
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Now(staff.AuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(Fixture.Origin + "caseload");

        // Romanian by default, with the case in "my cases".
        var response = await page.ReloadAsync();
        await PageChecks.AssertConfidentialHeadersAsync(response);
        Assert.Equal("ro", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cazurile mele", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = CaseReference.Of(caseId) })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("astăzi").First).ToBeVisibleAsync(); // registered today: its last activity
        await PageChecks.AssertFormsProtectedAsync(page);
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-caseload-ro");

        // English on request, kept for the next pages.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My caseload", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(Fixture.Origin + "caseload", page.Url);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByText("today").First).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-caseload-en");

        // The secretariat's ledger, reached by its address: refused in place, with the layout and a 403.
        var refused = await page.GotoAsync(Fixture.Origin + "statistics/releases");
        Assert.Equal(403, refused!.Status);
        await PageChecks.AssertConfidentialHeadersAsync(refused);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-refused-en");

        // Signing out ends the cookie: the caseload asks for a sign-in again.
        await page.GotoAsync(Fixture.Origin + "caseload");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync(Fixture.Origin + "caseload");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);

        watch.AssertClean();
    }

    [Fact]
    public async Task The_secretariat_reads_the_release_ledger()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, _) = await Fixture.CreateUserAsync(null, Roles.Secretariat);
        await using var context = await browser.NewContextAsync();
        var watch = new PageWatch(context, Fixture.Origin);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(10_000);

        await page.GotoAsync(Fixture.Origin + "account/login?returnUrl=%2Fstatistics%2Freleases", new() { Timeout = 30_000 });
        await page.GetByLabel("User name").FillAsync(staff.UserName);
        await page.GetByLabel("Password").FillAsync(staff.Password);
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Now(staff.AuthenticatorKey));
        var shown = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            r => r.Url == Fixture.Origin + "statistics/releases");
        Assert.Equal(200, shown.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrul publicărilor statistice", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Registrul publicărilor" })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "secretariat-release-ledger-ro");
        watch.AssertClean();
    }

    [Fact]
    public async Task A_language_switch_that_is_forged_or_malformed_is_refused_and_changes_nothing()
    {
        Fixture.RequireBrowser();
        using var client = Fixture.Anonymous();
        // No antiforgery token: refused.
        var forged = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/caseload" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.False(forged.Headers.Contains("Set-Cookie") && forged.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("casemanagement.culture", StringComparison.Ordinal)));
    }
}
