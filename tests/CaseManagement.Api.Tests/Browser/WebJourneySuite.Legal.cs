using System.Globalization;
using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.LegalCases;
using CaseManagement.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>The lawyer's daily writes: opening a legal case, its stages, hearings and outcomes, privileged notes and details.</summary>
public abstract partial class WebJourneySuite<TFixture>
{
    [Fact]
    public async Task A_lawyer_opens_a_legal_case_records_a_stage_a_hearing_its_outcome_a_note_and_edits_it_while_others_are_refused()
    {
        var browser = Fixture.RequireBrowser();
        var (workerStaff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (lawyerStaff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Lawyer);
        var worker = await ApiOnlyClientAsync(workerStaff);
        var caseId = (Guid)(await (await worker.PostJsonAsync("/api/v1/cases", new
            {
                beneficiaryId = await worker.RegisterAsync(ApiCalls.Beneficiary("Maria Web " + Guid.NewGuid().ToString("N")[..6])), openedOn = Fixture.DaysAgo(60), assignedWorkerId = workerId,
            })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        Task<int> LegalCasesAsync() => Fixture.WithDbAsync(db => db.LegalCases.IgnoreQueryFilters().CountAsync(l => l.CaseId == caseId));

        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        await SignInAsync(page, lawyerStaff, "/legal-cases/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Deschide un dosar juridic" })).ToBeVisibleAsync(); // in the menu

        // Opening: the case as the social worker gives it (its page's address), the first stage, the details.
        var fileNumber = $"{Random.Shared.Next(100, 999)}/D/P/2026";
        await page.GetByLabel("Identificatorul cazului").FillAsync(Fixture.Origin + $"cases/{caseId}");
        await page.GetByLabel("Etapa la deschidere").SelectOptionAsync("Complaint");
        await page.GetByLabel("Data deschiderii").FillAsync(Fixture.DaysAgo(20));
        await page.GetByLabel("Instituția", new() { Exact = true }).SelectOptionAsync("ProsecutorsOffice");
        await page.GetByLabel("Denumirea instituției").FillAsync("DIICOT - Serviciul Teritorial Iași");
        await page.GetByLabel("Numărul dosarului").FillAsync(fileNumber);
        await page.GetByLabel("Infracțiunea").SelectOptionAsync("TraffickingInPersons");
        await page.GetByLabel("Calitatea procesuală").SelectOptionAsync("InjuredParty");
        await page.GetByLabel("Identitate protejată").CheckAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "lawyer-open-legal-case-ro");

        // Values no form control sends, or none at all: each is the form again with its errors (400), and nothing is opened.
        (string Field, string Value)[] bad =
        [
            ("VenueKind", "Tribunal"), ("VenueName", "DIICOT\u0007"), ("OpenedOn", "20/11/2026"), ("FileNumber", ""), ("Stage", ""),
            ("AmountClaimed", "20.000"), ("Currency", "XYZ"), ("CaseId", "not-a-case"), ("CaseId", Guid.NewGuid().ToString()),
        ];
        foreach (var (field, value) in bad)
        {
            var (status, type, body) = await PostTamperedAsync(page, "form[autocomplete]", field, value);
            Assert.True(status == 400, $"{field}: {status}");
            Assert.StartsWith("text/html", type, StringComparison.Ordinal);
            Assert.Contains("Formularul are probleme", body, StringComparison.Ordinal);
        }

        Assert.Equal(0, await LegalCasesAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Deschide dosarul juridic" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Dosarul {fileNumber}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Modificarea a fost salvată.")).ToBeVisibleAsync();
        var legal = await Fixture.WithDbAsync(db => db.LegalCases.IgnoreQueryFilters().SingleAsync(l => l.CaseId == caseId));
        Assert.Equal((LegalStage.Complaint, ProceduralRole.InjuredParty), (legal.Stage, legal.ProceduralRole));
        Assert.Equal([ProtectiveMeasure.ProtectedIdentity], legal.ProtectiveMeasures);
        Assert.Equal(Fixture.Origin + $"legal-cases/{legal.Id}?saved=true", page.Url);

        // A later stage; an earlier one, sent by hand, is the Application's rule on the form.
        await page.GetByLabel("Etapa", new() { Exact = true }).SelectOptionAsync("CriminalInvestigation");
        await page.GetByLabel("Data etapei").FillAsync(Fixture.DaysAgo(10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Înregistrează etapa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Etapele procedurii" }).GetByText("Urmărire penală")).ToBeVisibleAsync();
        var forward = await PostTamperedAsync(page, "form:has(input[name=_handler][value=stage])", "Stage", "Complaint");
        Assert.Equal(400, forward.Status);
        Assert.Contains("Un dosar trece doar înainte, la o etapă ulterioară.", WebUtility.HtmlDecode(forward.Body), StringComparison.Ordinal);
        Assert.Equal(400, (await PostTamperedAsync(page, "form:has(input[name=_handler][value=stage])", "Date", "")).Status);
        Assert.Equal(2, await Fixture.WithDbAsync(db => db.LegalStageChanges.IgnoreQueryFilters().CountAsync(c => c.LegalCaseId == legal.Id)));
        Assert.Equal(LegalStage.CriminalInvestigation, await Fixture.WithDbAsync(db => db.LegalCases.IgnoreQueryFilters().Where(l => l.Id == legal.Id).Select(l => l.Stage).SingleAsync()));

        // A hearing that took place yesterday, typed in Romania's time; an hour the clocks skip is refused.
        var yesterday = CourtTime.DayOf(DateTimeOffset.UtcNow).AddDays(-1);
        var held = CourtTime.At(yesterday.ToDateTime(new TimeOnly(9, 30)))!.Value;
        await page.GetByLabel("Data și ora").FillAsync(yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:30");
        await page.GetByLabel("Instanța").FillAsync("Tribunalul Iași, sala 3");
        await page.GetByLabel("Scopul", new() { Exact = true }).FillAsync("Audierea persoanei vătămate");
        foreach (var (field, value) in new[] { ("ScheduledAt", "2026-03-29T03:30"), ("ScheduledAt", "mâine"), ("Court", "") })
        {
            Assert.Equal(400, (await PostTamperedAsync(page, "form:has(input[name=_handler][value=hearing])", field, value)).Status);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Adaugă termenul" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Tribunalul Iași, sala 3" })).ToBeVisibleAsync();
        var hearings = await Fixture.WithDbAsync(db => db.Hearings.IgnoreQueryFilters().Where(h => h.LegalCaseId == legal.Id).ToListAsync());
        var first = Assert.Single(hearings);
        Assert.Equal(held, first.ScheduledAt);

        // Its outcome, with the next hearing the court set.
        var next = CourtTime.DayOf(DateTimeOffset.UtcNow).AddDays(30);
        await page.GetByLabel("Termenul").SelectOptionAsync(first.Id.ToString());
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Rezultatul" }).FillAsync("Amânat; martorul lipsă.");
        await page.GetByLabel("Următorul termen").FillAsync(next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00");
        await page.GetByLabel("Scopul următorului termen").FillAsync("Audierea martorului");
        await AccessibleAsync(page, watch);
        await page.GetByRole(AriaRole.Button, new() { Name = "Consemnează rezultatul" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Amânat; martorul lipsă." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Audierea martorului" })).ToBeVisibleAsync();
        hearings = await Fixture.WithDbAsync(db => db.Hearings.IgnoreQueryFilters().Where(h => h.LegalCaseId == legal.Id).ToListAsync());
        Assert.Equal(2, hearings.Count);
        Assert.NotNull(hearings.Single(h => h.Id == first.Id).OutcomeRecordedAt);
        Assert.Contains(hearings, h => h.ScheduledAt == CourtTime.At(next.ToDateTime(new TimeOnly(10, 0))) && h.OutcomeRecordedAt is null);
        // Nothing waits for an outcome now (the next hearing is ahead): the form is gone.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Consemnează rezultatul" })).ToHaveCountAsync(0);

        // A privileged note.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Nota" }).FillAsync("Strategie: constituire ca parte civilă la termenul următor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvează nota confidențială" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Strategie: constituire ca parte civilă la termenul următor.")).ToBeVisibleAsync();
        Assert.Equal(1, await Fixture.WithDbAsync(db => db.PrivilegedNotes.IgnoreQueryFilters().CountAsync(n => n.LegalCaseId == legal.Id)));
        Assert.Equal(400, (await PostTamperedAsync(page, "form:has(input[name=_handler][value=privileged-note])", "Content", "a\u0000b")).Status);
        Assert.Equal(1, await Fixture.WithDbAsync(db => db.PrivilegedNotes.IgnoreQueryFilters().CountAsync(n => n.LegalCaseId == legal.Id)));
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "lawyer-legal-case-forms-ro");

        // The details: now a civil party, heard by video, with a claim in euros.
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifică detaliile dosarului" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Identitate protejată")).ToBeCheckedAsync();
        await page.GetByLabel("Calitatea procesuală").SelectOptionAsync("CivilParty");
        await page.GetByLabel("Audiere prin videoconferință").CheckAsync();
        await page.GetByLabel("Suma solicitată").FillAsync("20000,50");
        await page.GetByLabel("Moneda").SelectOptionAsync("EUR");
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "lawyer-edit-legal-case-ro");
        foreach (var (field, value) in new[] { ("ProtectiveMeasures", "Everything"), ("AmountPaid", "20.000"), ("AmountAwarded", "-5"), ("Version", "0") })
        {
            Assert.Equal(400, (await PostTamperedAsync(page, "form[autocomplete]", field, value)).Status);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Salvează modificările" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Audiere prin videoconferință")).ToBeVisibleAsync();
        legal = await Fixture.WithDbAsync(db => db.LegalCases.IgnoreQueryFilters().SingleAsync(l => l.Id == legal.Id));
        Assert.Equal(ProceduralRole.CivilParty, legal.ProceduralRole);
        Assert.Equal([ProtectiveMeasure.ProtectedIdentity, ProtectiveMeasure.HearingByVideo], legal.ProtectiveMeasures.Order());
        Assert.Equal((20000.50m, "EUR"), (legal.AmountClaimed, legal.Currency));
        Assert.Equal(fileNumber, legal.FileNumber); // unchanged fields stay as they were
        watch.AssertClean();

        // By address: a social worker is refused the lawyer's forms (and is offered none on the case page); a colleague
        // holding both roles is; a lawyer of another organisation finds neither the case nor the legal case.
        async Task<HttpClient> SignedInAsync(Guid organisation, params string[] roles)
        {
            var (staff, _) = await Fixture.CreateUserAsync(organisation, roles);
            var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Fixture.BaseAddress };
            await SignInFlow.PostLoginAsync(client, new Uri("/account/login", UriKind.Relative), staff);
            return client;
        }

        string[] forms = [$"/cases/{caseId}/legal-case/new", "/legal-cases/new", $"/legal-cases/{legal.Id}/edit", $"/legal-cases/{legal.Id}"];
        using var socialWorker = await SignedInAsync(Fixture.OrganisationA, Roles.SocialWorker);
        foreach (var path in forms)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await socialWorker.GetAsync(path)).StatusCode);
        }

        Assert.DoesNotContain("/legal-case/new", await socialWorker.GetStringAsync($"/cases/{caseId}"), StringComparison.Ordinal);
        using var both = await SignedInAsync(Fixture.OrganisationA, Roles.SocialWorker, Roles.Lawyer);
        Assert.Contains($"href=\"/cases/{caseId}/legal-case/new\"", await both.GetStringAsync($"/cases/{caseId}"), StringComparison.Ordinal);
        using var foreign = await SignedInAsync(Fixture.OrganisationB, Roles.Lawyer);
        foreach (var path in forms.Where(p => p != "/legal-cases/new"))
        {
            var response = await foreign.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.DoesNotContain(fileNumber, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
