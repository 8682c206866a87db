using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>The README's browser path, in a real browser: reference page, Authorize, sign-in with enrolment, a first call.</summary>
public sealed class ReferencePageBrowserTests(SqliteWebFixture fixture) : IClassFixture<SqliteWebFixture>
{
    [Fact]
    public async Task A_new_person_authorizes_the_reference_page_enrols_and_registers_a_beneficiary()
    {
        var browser = fixture.RequireBrowser();
        var (staff, id) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        await fixture.WithUserAsync(id, (users, user) => users.SetTwoFactorEnabledAsync(user, false)); // a fresh account: enrolment first

        var origin = fixture.BaseAddress.GetLeftPart(UriPartial.Authority);
        await using var context = await browser.NewContextAsync();
        var offSite = new List<string>();
        var refused = new List<string>();
        context.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin + "/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                offSite.Add(request.Url);
            }
        };
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(5000);

        // The first load compiles the host's code paths and parses a 5 MB bundle on a shared machine: more time once.
        await page.GotoAsync(origin + "/scalar/v1", new() { Timeout = 30_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByRole(AriaRole.Button, new() { Name = "Authorize", Exact = true }).WaitForAsync(new() { Timeout = 30_000 });
        var signIn = await page.RunAndWaitForPopupAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Authorize", Exact = true }).ClickAsync());
        signIn.SetDefaultTimeout(5000);
        // The sign-in's pages in Romanian, the language every page has until a person chooses another.
        await signIn.GetByLabel("Nume de utilizator").FillAsync(staff.UserName);
        await signIn.GetByLabel("Parolă").FillAsync(staff.Password);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Autentificare", Exact = true }).ClickAsync(); // no code yet: enrolment follows

        var key = await signIn.Locator("#shared-key").InnerTextAsync();
        await Assertions.Expect(signIn.GetByRole(AriaRole.Img, new() { Name = "Cod QR care conține cheia de mai jos" })).ToBeVisibleAsync();
        await signIn.GetByLabel("Cod de autentificare").FillAsync(Totp.Now(key));
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Confirmă" }).ClickAsync();

        // The popup returns to the reference page with a code; the page exchanges it and holds the token.
        await page.GetByText("Clear tokens").First.WaitForAsync();
        await page.GetByText("Registers a person;").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Test Request" }).First.ClickAsync();
        var sent = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send" }).First.ClickAsync(),
            response => response.Url.EndsWith("/api/v1/beneficiaries", StringComparison.Ordinal) && response.Request.Method == "POST");
        Assert.True(sent.Status == 201, $"{sent.Status} {await sent.TextAsync()}");
        await Assertions.Expect(page.GetByText("201 Created").First).ToBeVisibleAsync();

        Assert.Empty(offSite);
        Assert.Empty(refused);
    }
}
