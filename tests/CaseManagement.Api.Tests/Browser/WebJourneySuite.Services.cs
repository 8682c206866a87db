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
    public async Task A_social_worker_records_each_services_details_on_its_page_while_a_coordinator_reads_the_summary_only()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (coordinator, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Coordinator);
        var api = await ApiClientAsync(staff);
        var facility = "Casa Web " + Guid.NewGuid().ToString("N")[..6];
        var personId = await api.RegisterAsync(ApiCalls.Beneficiary("Daniela Web " + Guid.NewGuid().ToString("N")[..6]));
        var caseId = (Guid)(await (await api.PostJsonAsync("/api/v1/cases", new { beneficiaryId = personId, openedOn = Fixture.DaysAgo(40), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        async Task<string> StartAsync(string type) =>
            $"cases/{caseId}/services/{(Guid)(await (await api.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type, startDate = Fixture.DaysAgo(30) })).ReadObjectAsync(HttpStatusCode.Created))["id"]!}";
        var counselling = await StartAsync("Counselling");
        var repatriation = await StartAsync("Repatriation");
        var residential = await StartAsync("Residential");
        await StartAsync("Reintegration");
        Task<bool> InDbAsync(Func<CaseManagement.Infrastructure.Persistence.ApplicationDbContext, Task<bool>> check) => Fixture.WithDbAsync(check);

        // A coordinator adds the shelter, whose address stays off the list, and corrects its places.
        await using var coordinatorSession = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var coordinatorPage = coordinatorSession.Page;
        await SignInAsync(coordinatorPage, coordinator, "/facilities");
        await coordinatorPage.GetByLabel("Numele").FillAsync(facility);
        await coordinatorPage.GetByLabel("Adresa").FillAsync("Strada Ascunsă 7");
        await coordinatorPage.GetByLabel("Locuri").FillAsync("4");
        var known = await Fixture.WithDbAsync(db => db.Facilities.IgnoreQueryFilters().Select(f => f.Id).ToListAsync());
        foreach (var (field, value) in new[] { ("Places", "0"), ("Places", "many"), ("Places", "-3"), ("Name", ""), ("Name", "Casa\u0007"), ("+Name", "Alta") })
        {
            var (status, type, body) = await PostTamperedAsync(coordinatorPage, "form:has(input[name=_handler][value=add-facility])", field, value);
            Assert.True(status == 400 && type.StartsWith("text/html", StringComparison.Ordinal) && body.Contains("Formularul are probleme", StringComparison.Ordinal), $"{field}={value}: {status}");
        }

        Assert.Equal(known.Count, await Fixture.WithDbAsync(db => db.Facilities.IgnoreQueryFilters().CountAsync()));
        // No places: the form comes back with its error, linked to the field.
        await coordinatorPage.GetByLabel("Locuri").FillAsync("");
        await coordinatorPage.GetByRole(AriaRole.Button, new() { Name = "Adaugă centrul" }).ClickAsync();
        await Assertions.Expect(coordinatorPage.Locator(".error-summary a[href='#Places']")).ToBeVisibleAsync();
        await AccessibleAsync(coordinatorPage, coordinatorSession.Watch);
        await coordinatorPage.GetByLabel("Locuri").FillAsync("4");
        await coordinatorPage.GetByRole(AriaRole.Button, new() { Name = "Adaugă centrul" }).ClickAsync();
        await Assertions.Expect(coordinatorPage.GetByRole(AriaRole.Link, new() { Name = facility })).ToBeVisibleAsync();
        await Assertions.Expect(coordinatorPage.GetByText("Strada Ascunsă 7")).ToHaveCountAsync(0);
        await AccessibleAsync(coordinatorPage, coordinatorSession.Watch);
        await coordinatorPage.GetByRole(AriaRole.Link, new() { Name = facility }).ClickAsync();
        await Assertions.Expect(coordinatorPage.GetByLabel("Adresa")).ToHaveValueAsync("Strada Ascunsă 7");
        await coordinatorPage.GetByLabel("Locuri").FillAsync("5");
        await coordinatorPage.GetByRole(AriaRole.Button, new() { Name = "Salvează" }).ClickAsync();
        await Assertions.Expect(coordinatorPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("Centrul a fost salvat.");
        await AccessibleAsync(coordinatorPage, coordinatorSession.Watch);
        var added = await Fixture.WithDbAsync(db => db.Facilities.IgnoreQueryFilters().Where(f => !known.Contains(f.Id)).SingleAsync());
        Assert.Equal((Fixture.OrganisationA, 5, 1, "Strada Ascunsă 7"), (added.OrganisationId, added.Places, added.Version, added.Address));

        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        ILocator Form(string heading) => page.Locator("form", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });
        async Task SendAsync(ILocator form, string button)
        {
            await form.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        // Reintegration: a goal and its status, a course and its outcome, a follow-up visit scheduled then done.
        await SignInAsync(page, staff, $"/cases/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reintegrare", Exact = false }).ClickAsync();
        var goal = Form("Adaugă un obiectiv");
        // A form is sent once per page (forms.js): a second click while the first post is on its way is not sent.
        // Seen from the window, after the page's own handler: the first submission goes (stopped there, by the test), the second is stopped by the page.
        var sent = await goal.EvaluateAsync<bool[]>("""
            form => {
              const seen = [];
              window.addEventListener('submit', event => { seen.push(event.defaultPrevented); event.preventDefault(); });
              form.requestSubmit();
              form.requestSubmit();
              return seen;
            }
            """);
        Assert.Equal([false, true], sent);
        Assert.Equal("true", await goal.GetAttributeAsync("aria-busy"));
        await page.ReloadAsync();
        await goal.GetByLabel("Domeniul").SelectOptionAsync("Housing");
        await goal.GetByLabel("Obiectivul").FillAsync("Găsirea unei camere lângă serviciu");
        var goalCount = await Fixture.WithDbAsync(db => db.ReintegrationGoals.IgnoreQueryFilters().CountAsync());
        await SendAsync(goal, "Adaugă obiectivul");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Găsirea unei camere lângă serviciu" })).ToBeVisibleAsync();
        Assert.Equal(goalCount + 1, await Fixture.WithDbAsync(db => db.ReintegrationGoals.IgnoreQueryFilters().CountAsync()));
        var change = Form("Schimbă stadiul unui obiectiv");
        await change.GetByLabel("Obiectivul").SelectOptionAsync(new SelectOptionValue { Label = "Găsirea unei camere lângă serviciu" });
        await change.GetByLabel("Stare").SelectOptionAsync("Achieved");
        await SendAsync(change, "Schimbă stadiul");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Atins", Exact = false })).ToBeVisibleAsync();
        var step = Form("Adaugă un pas spre angajare");
        await step.GetByLabel("Pasul").SelectOptionAsync("Course");
        await step.GetByLabel("Denumirea").FillAsync("Curs de ajutor de bucătar");
        await SendAsync(step, "Adaugă pasul");
        var outcome = Form("Rezultatul unui pas");
        await outcome.GetByLabel("Pasul").SelectOptionAsync(new SelectOptionValue { Label = "Curs: Curs de ajutor de bucătar" });
        await outcome.GetByLabel("Rezultatul", new() { Exact = true }).SelectOptionAsync("Completed");
        await SendAsync(outcome, "Înregistrează rezultatul");
        var visit = Form("Programează o vizită de monitorizare");
        await visit.GetByLabel("Programată la").FillAsync(Fixture.DaysAhead(14));
        await visit.GetByLabel("Scopul").FillAsync("Vizită la locuința nouă");
        await SendAsync(visit, "Programează vizita");
        var done = Form("Marchează o vizită ca făcută");
        await done.GetByLabel("Vizita").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await done.GetByLabel("Nota").FillAsync("Locuința este potrivită.");
        await SendAsync(done, "Marchează ca făcută");
        await Assertions.Expect(page.GetByText("Locuința este potrivită.")).ToBeVisibleAsync();
        await Assertions.Expect(Form("Marchează o vizită ca făcută")).ToHaveCountAsync(0); // no visit left to mark
        Assert.True(await InDbAsync(async db =>
            await db.ReintegrationGoals.IgnoreQueryFilters().AnyAsync(g => g.CaseId == caseId && g.Status == CaseManagement.Domain.Services.GoalStatus.Achieved)
            && await db.LabourSteps.IgnoreQueryFilters().AnyAsync(l => l.CaseId == caseId && l.Outcome == CaseManagement.Domain.Services.LabourStepOutcome.Completed)
            && await db.FollowUps.IgnoreQueryFilters().AnyAsync(f => f.CaseId == caseId && f.DoneOn != null)));
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-service-ro");

        // What no form control sends comes back as the form with its errors, and writes nothing.
        var goals = await InDbAsync(async db => await db.ReintegrationGoals.IgnoreQueryFilters().CountAsync(g => g.CaseId == caseId) == 1);
        foreach (var (field, value) in new[] { ("Goal.Area", "Robot"), ("Goal.Description", "Ana\u0007"), ("Goal.TargetDate", "31/12/2099"), ("Goal.Description", ""), ("+Goal.Area", "Housing") })
        {
            var (status, type, body) = await PostTamperedAsync(page, "form:has(input[name=_handler][value=Goal])", field, value);
            Assert.True(status == 400 && type.StartsWith("text/html", StringComparison.Ordinal) && body.Contains("Formularul are probleme", StringComparison.Ordinal), $"{field}: {status}");
        }

        Assert.True(goals && await InDbAsync(async db => await db.ReintegrationGoals.IgnoreQueryFilters().CountAsync(g => g.CaseId == caseId) == 1));

        // A session needs the counselling's kind first; the author reads the session's restricted note.
        await page.GotoAsync(Fixture.Origin + counselling);
        await Assertions.Expect(Form("Înregistrează o ședință")).ToHaveCountAsync(0);
        await Form("Tipul consilierii").GetByLabel("Tipul consilierii").SelectOptionAsync("Psychological");
        await SendAsync(Form("Tipul consilierii"), "Alege tipul");
        var sitting = Form("Înregistrează o ședință");
        await sitting.GetByLabel("Minute").FillAsync("50");
        await sitting.GetByLabel("Nota").FillAsync("Prima ședință: somnul s-a îmbunătățit.");
        await SendAsync(sitting, "Înregistrează ședința");
        await Assertions.Expect(page.GetByText("Psihologică")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "50", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = staff.UserName })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Prima ședință: somnul s-a îmbunătățit.")).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);

        // A repatriation's plan, then its progress.
        await page.GotoAsync(Fixture.Origin + repatriation);
        var plan = Form("Planul repatrierii");
        await plan.GetByLabel("Din țara").FillAsync("IT");
        await plan.GetByLabel("În țara").FillAsync("RO");
        await plan.GetByLabel("Tipul partenerului").SelectOptionAsync("Embassy");
        await plan.GetByLabel("Numele partenerului").FillAsync("Ambasada României la Roma");
        await SendAsync(plan, "Salvează planul");
        var progress = Form("Progresul repatrierii");
        await progress.GetByLabel("Stare").SelectOptionAsync("DocumentsInProgress");
        await SendAsync(progress, "Înregistrează etapa");
        await Assertions.Expect(page.GetByText("Ambasada României la Roma (Ambasadă)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Documente în lucru" })).ToBeVisibleAsync();
        await Assertions.Expect(Form("Modifică planul")).ToBeVisibleAsync();
        Assert.True(await InDbAsync(db => db.Repatriations.IgnoreQueryFilters().AnyAsync(r => r.CaseId == caseId && r.Status == CaseManagement.Domain.Services.RepatriationStatus.DocumentsInProgress)));
        await AccessibleAsync(page, watch);

        // A shelter stay in one of the organisation's facilities, then the discharge.
        await page.GotoAsync(Fixture.Origin + residential);
        await Form("Intrare în centru").GetByLabel("Centrul").SelectOptionAsync(new SelectOptionValue { Label = $"{facility} (5 locuri libere)" });
        await SendAsync(Form("Intrare în centru"), "Înregistrează intrarea");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "încă în adăpost" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = facility })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Centre", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = facility }).GetByRole(AriaRole.Cell)).ToHaveTextAsync([facility, "5", "1", "4", "Activ"]);
        await Assertions.Expect(page.GetByText("Strada Ascunsă")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = facility })).ToHaveCountAsync(0); // a social worker reads; a coordinator keeps them
        await AccessibleAsync(page, watch);
        await page.GoBackAsync();
        await SendAsync(Form("Ieșire din centru"), "Înregistrează ieșirea");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "încă în adăpost" })).ToHaveCountAsync(0);
        Assert.True(await InDbAsync(db => db.Admissions.IgnoreQueryFilters().AnyAsync(a => a.CaseId == caseId && a.DischargedOn != null)));
        await AccessibleAsync(page, watch);

        // A service started on the case page opens its own page: a day attended, then the service ended.
        await page.GotoAsync(Fixture.Origin + $"cases/{caseId}");
        await page.GetByLabel("Serviciu", new() { Exact = true }).SelectOptionAsync("DayCentre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Începe serviciul" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/cases/{caseId}/services/[0-9a-f-]{{36}}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Centru de zi", Level = 1 })).ToBeVisibleAsync();
        await Form("Înregistrează o zi de prezență").GetByLabel("Activitatea").SelectOptionAsync("Education");
        await SendAsync(Form("Înregistrează o zi de prezență"), "Înregistrează prezența");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Educație" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Încheie serviciul" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Încheie serviciul" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Educație" })).ToBeVisibleAsync(); // an ended service's details are still read
        Assert.True(await InDbAsync(db => db.ServiceEpisodes.IgnoreQueryFilters().AnyAsync(e => e.CaseId == caseId && e.Type == ServiceType.DayCentre && e.EndDate != null)));
        await AccessibleAsync(page, watch);

        // An episode of another case is not found.
        Assert.Equal(404, (await page.GotoAsync(Fixture.Origin + $"cases/{caseId}/services/{Guid.NewGuid()}"))!.Status);

        // A coordinator reads the case's services on its page, without links to their details, and is refused the details.
        await coordinatorPage.GotoAsync(Fixture.Origin + $"cases/{caseId}");
        await Assertions.Expect(coordinatorPage.GetByRole(AriaRole.Cell, new() { Name = "Consiliere", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(coordinatorPage.Locator($"a[href^='/cases/{caseId}/services/']")).ToHaveCountAsync(0);
        Assert.Equal(403, (await coordinatorPage.GotoAsync(Fixture.Origin + counselling))!.Status);
        watch.AssertClean();
        coordinatorSession.Watch.AssertClean();
    }
}
