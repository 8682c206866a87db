using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>An organisation administrator answers a person's requests about their data: a copy, a legal hold, an erasure.</summary>
public abstract partial class WebJourneySuite<TFixture>
{
    [Fact]
    public async Task An_organisation_admin_opens_a_persons_record_by_reference_exports_it_holds_it_and_erases_it_once_confirmed()
    {
        var browser = Fixture.RequireBrowser();
        var (workerStaff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (admin, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var name = "Sorina Web " + Guid.NewGuid().ToString("N")[..6];
        var personId = await (await ApiClientAsync(workerStaff)).RegisterAsync(ApiCalls.Beneficiary(name));
        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        await SignInAsync(page, admin, "/records");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cereri privind datele personale", Level = 1 })).ToBeVisibleAsync();
        await PageChecks.AssertFormsProtectedAsync(page);

        // A reference that is none comes back with its error; one of no record here is not found, as another organisation's would be.
        var reference = page.GetByLabel("Referința persoanei");
        await reference.FillAsync("Sorina");
        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Deschide fișa" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Aceasta nu este o referință" })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        Assert.Equal(404, (await page.GotoAsync(Fixture.Origin + $"records/{Guid.NewGuid()}"))!.Status);

        await page.GotoAsync(Fixture.Origin + "records");
        await page.GetByLabel("Referința persoanei").FillAsync(personId.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Deschide fișa" }).ClickAsync();
        await page.WaitForURLAsync(Fixture.Origin + $"records/{personId}");
        await Assertions.Expect(page.GetByText("Se aplică perioada de păstrare a organizației.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(name)).ToHaveCountAsync(0); // the record's state, not its content
        await AccessibleAsync(page, watch);

        // The copy of the data: a file named by the id, with the person's data opened, and an audited export.
        await Assertions.Expect(page.GetByText("Niciun caz deschis pentru această persoană.")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Descarcă copia datelor (JSON)" }).ClickAsync());
        Assert.Equal($"subject-access-{personId}.json", download.SuggestedFilename);
        Assert.Contains(name, await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);
        Assert.True(await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == "Export" && e.EntityId == personId)));

        // Only the page's own form fetches it: a link (a GET) or a post without the page's token from another site does not.
        Assert.InRange((await page.APIRequest.GetAsync(Fixture.Origin + $"records/{personId}/export")).Status, 400, 499);
        Assert.Equal(400, (await page.APIRequest.PostAsync(Fixture.Origin + $"records/{personId}/export", new() { Form = page.APIRequest.CreateFormData().Set("x", "y") })).Status);
        Assert.Equal(1, await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "Export" && e.EntityId == personId)));

        // Held, the record cannot be erased; released, it can, once the administrator confirms.
        await page.GetByLabel("Motivul").SelectOptionAsync("Litigation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Păstrează datele" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Păstrate pentru: Litigiu", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByLabel("Temeiul").SelectOptionAsync("ConsentWithdrawn");
        await page.GetByLabel("Am verificat cu asistentul social").CheckAsync();
        var held = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Șterge datele" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, held.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "organisation-admin-record-ro");
        Assert.Null(await AnonymisedAtAsync(personId));

        await page.GetByRole(AriaRole.Button, new() { Name = "Ridică păstrarea" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Se aplică perioada de păstrare a organizației.")).ToBeVisibleAsync();
        var unconfirmed = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Șterge datele" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, unconfirmed.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Confirmați că ați verificat fișa" })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        Assert.Null(await AnonymisedAtAsync(personId));

        await page.GetByLabel("Temeiul").SelectOptionAsync("ConsentWithdrawn");
        await page.GetByLabel("Am verificat cu asistentul social").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Șterge datele" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Datele au fost șterse", new() { Exact = false })).ToBeVisibleAsync();
        Assert.NotNull(await AnonymisedAtAsync(personId));
        await AccessibleAsync(page, watch);

        // Erased, there is nothing left to export or hold.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Descarcă copia datelor (JSON)" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Păstrează datele" })).ToHaveCountAsync(0);
        watch.AssertClean();
    }

    private Task<DateTimeOffset?> AnonymisedAtAsync(Guid personId) =>
        Fixture.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Id == personId).Select(b => b.AnonymisedAt).SingleAsync());
}
