using System.Net;
using System.Net.Http.Json;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>A service's details, from the case page: what each kind of service records.</summary>
public abstract partial class WebJourneySuite<TFixture>
{
    [Fact]
    public async Task A_social_worker_starts_and_ends_a_service_and_reads_each_services_details_while_a_coordinator_reads_the_summary_only()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (coordinator, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Coordinator);
        var api = await ApiClientAsync(staff);
        var personId = await api.RegisterAsync(ApiCalls.Beneficiary("Daniela Web " + Guid.NewGuid().ToString("N")[..6]));
        var caseId = (Guid)(await (await api.PostJsonAsync("/api/v1/cases", new { beneficiaryId = personId, openedOn = Fixture.DaysAgo(40), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        async Task<string> StartAsync(string type) =>
            $"/api/v1/cases/{caseId}/services/{(Guid)(await (await api.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type, startDate = Fixture.DaysAgo(30) })).ReadObjectAsync(HttpStatusCode.Created))["id"]!}";
        var reintegration = await StartAsync("Reintegration");
        await (await api.PostJsonAsync($"{reintegration}/goals", new { area = "Housing", description = "Găsirea unei camere lângă serviciu", targetDate = Fixture.DaysAhead(60) })).ReadObjectAsync(HttpStatusCode.Created);
        var counselling = await StartAsync("Counselling");
        (await api.PutAsJsonAsync($"{counselling}/counselling", new { kind = "Psychological" }, ApiCalls.Json)).EnsureSuccessStatusCode();
        await (await api.PostJsonAsync($"{counselling}/sessions", new { date = Fixture.DaysAgo(2), durationMinutes = 50, counsellorId = workerId })).ReadObjectAsync(HttpStatusCode.Created);
        var repatriation = await StartAsync("Repatriation");

        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        await SignInAsync(page, staff, $"/cases/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reintegrare", Exact = false }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Găsirea unei camere lângă serviciu" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Locuință" })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-service-ro");

        await page.GotoAsync(Fixture.Origin + counselling.Replace("/api/v1/", string.Empty, StringComparison.Ordinal));
        await Assertions.Expect(page.GetByText("Psihologică")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "50", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = staff.UserName })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);

        // A service started on the case page opens its own page, where it is ended.
        await page.GotoAsync(Fixture.Origin + $"cases/{caseId}");
        await page.GetByLabel("Serviciu", new() { Exact = true }).SelectOptionAsync("DayCentre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Începe serviciul" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/cases/{caseId}/services/[0-9a-f-]{{36}}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Centru de zi", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Încheie serviciul" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Încheie serviciul" })).ToHaveCountAsync(0);
        Assert.True(await Fixture.WithDbAsync(db => db.ServiceEpisodes.IgnoreQueryFilters().AnyAsync(e => e.CaseId == caseId && e.Type == ServiceType.DayCentre && e.EndDate != null)));
        await AccessibleAsync(page, watch);

        // A repatriation whose plan is not yet saved is a page with nothing recorded, not a 404; an episode of another case is.
        Assert.Equal(200, (await page.GotoAsync(Fixture.Origin + repatriation.Replace("/api/v1/", string.Empty, StringComparison.Ordinal)))!.Status);
        Assert.Equal(404, (await page.GotoAsync(Fixture.Origin + $"cases/{caseId}/services/{Guid.NewGuid()}"))!.Status);

        // A coordinator reads the case's services on its page, without links to their details, and is refused the details.
        await using var coordinatorSession = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var coordinatorPage = coordinatorSession.Page;
        await SignInAsync(coordinatorPage, coordinator, $"/cases/{caseId}");
        await Assertions.Expect(coordinatorPage.GetByRole(AriaRole.Cell, new() { Name = "Consiliere", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(coordinatorPage.Locator($"a[href^='/cases/{caseId}/services/']")).ToHaveCountAsync(0);
        Assert.Equal(403, (await coordinatorPage.GotoAsync(Fixture.Origin + counselling.Replace("/api/v1/", string.Empty, StringComparison.Ordinal)))!.Status);
        watch.AssertClean();
        coordinatorSession.Watch.AssertClean();
    }
}
