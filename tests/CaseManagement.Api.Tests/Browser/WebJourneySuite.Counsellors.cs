using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>A case's assigned worker grants its restricted notes to a colleague, and withdraws the grant; nobody grants them to themselves.</summary>
public abstract partial class WebJourneySuite<TFixture>
{
    [Fact]
    public async Task A_social_worker_designates_a_colleague_as_counsellor_of_their_case_and_withdraws_it_but_never_designates_themselves()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (colleague, colleagueId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (lawyer, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Lawyer);
        var api = await ApiClientAsync(staff);
        var personId = await api.RegisterAsync(ApiCalls.Beneficiary("Mirela Web " + Guid.NewGuid().ToString("N")[..6]));
        var caseId = (Guid)(await (await api.PostJsonAsync("/api/v1/cases", new { beneficiaryId = personId, openedOn = Fixture.DaysAgo(3), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;

        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        await SignInAsync(page, staff, $"/cases/{caseId}");
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Consilieri" });
        await Assertions.Expect(section.GetByText("Niciun coleg desemnat.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(personId.ToString())).ToBeVisibleAsync(); // the reference an administrator asks for

        // The colleague is offered; the worker themselves and a lawyer are not.
        var choice = section.GetByLabel("Colegul");
        await Assertions.Expect(choice.Locator($"option[value='{colleagueId}']")).ToHaveCountAsync(1);
        await Assertions.Expect(choice.Locator($"option[value='{workerId}']")).ToHaveCountAsync(0);
        Assert.DoesNotContain(lawyer.UserName, await choice.InnerTextAsync(), StringComparison.Ordinal);
        // Designating oneself by a forged post is refused by the use case, and writes nothing.
        var forged = await PostTamperedAsync(page, "form:has(select[name='UserId'])", "UserId", workerId.ToString());
        Assert.Equal(403, forged.Status);
        Assert.False(await Fixture.WithDbAsync(db => db.CaseCounsellors.IgnoreQueryFilters().AnyAsync(c => c.CaseId == caseId && c.UserId == workerId)));

        await choice.SelectOptionAsync(colleagueId.ToString());
        await section.GetByRole(AriaRole.Button, new() { Name = "Desemnează" }).ClickAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Cell, new() { Name = colleague.UserName, Exact = true })).ToBeVisibleAsync();
        Assert.True(await Fixture.WithDbAsync(db => db.CaseCounsellors.IgnoreQueryFilters().AnyAsync(c => c.CaseId == caseId && c.UserId == colleagueId)));
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-counsellors-ro");

        await section.GetByRole(AriaRole.Button, new() { Name = $"Retrage desemnarea lui {colleague.UserName}" }).ClickAsync();
        await Assertions.Expect(section.GetByText("Niciun coleg desemnat.")).ToBeVisibleAsync();
        Assert.False(await Fixture.WithDbAsync(db => db.CaseCounsellors.IgnoreQueryFilters().AnyAsync(c => c.CaseId == caseId)));
        watch.AssertClean();
    }
}
