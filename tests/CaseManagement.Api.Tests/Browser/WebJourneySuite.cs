using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Notifications;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>
/// The web application in a real browser, on each provider: sign-in with a password and an
/// authenticator code, a role's main screen, the language switch, and a page the role may not
/// open. Every page is checked with axe, its headers and its forms, and photographed.
/// </summary>
public abstract partial class WebJourneySuite<TFixture>(TFixture fixture)
    where TFixture : ApiFixture, IBrowserFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task A_social_worker_signs_in_with_a_code_reads_the_caseload_in_Romanian_and_English_and_is_refused_the_ledger()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        // The API signs in with the previous step's code, so the browser's code (this step's) is still unused.
        var api = await ApiClientAsync(staff);
        var beneficiary = await api.RegisterAsync(ApiCalls.Beneficiary("Ioana Web " + Guid.NewGuid().ToString("N")[..6]));
        var opened = await (await api.PostJsonAsync("/api/v1/cases", new { beneficiaryId = beneficiary, openedOn = Fixture.DaysAgo(3), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var caseId = (Guid)opened["id"]!;

        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        await page.Clock.InstallAsync(); // the page's timers (the idle warning) run on a clock the test moves

        // Not signed in: the caseload sends the browser to sign in (in Romanian, as every page until the person chooses), and back afterwards.
        await page.GotoAsync(Fixture.Origin + "caseload", new() { Timeout = 30_000 });
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await FillSignInAsync(page, staff);
        await page.WaitForURLAsync(Fixture.Origin + "caseload");

        // Romanian by default, with the case in "my cases".
        var response = await page.ReloadAsync();
        await PageChecks.AssertConfidentialHeadersAsync(response);
        Assert.Equal("ro", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cazurile mele", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = CaseReference.Of(caseId) })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("astăzi").First).ToBeVisibleAsync(); // registered today: its last activity
        await PageChecks.AssertFormsProtectedAsync(page);
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-caseload-ro");

        // English on request, kept for the next pages.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My caseload", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(Fixture.Origin + "caseload", page.Url);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByText("today").First).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-caseload-en");

        // Thirteen idle minutes: a warning, and a button that renews the session without leaving the page.
        var warning = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Your session is about to end" });
        await Assertions.Expect(warning).ToBeHiddenAsync();
        await page.Clock.FastForwardAsync("13:01");
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" })).ToBeFocusedAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "idle-warning-en");
        var renewed = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync(), r => r.Url.EndsWith("/session/alive", StringComparison.Ordinal));
        Assert.Equal(204, renewed.Status);
        await Assertions.Expect(warning).ToBeHiddenAsync();

        // The secretariat's ledger, reached by its address: refused in place, with the layout and a 403.
        var refused = await page.GotoAsync(Fixture.Origin + "statistics/releases");
        Assert.Equal(403, refused!.Status);
        await PageChecks.AssertConfidentialHeadersAsync(refused);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-refused-en");
        Assert.Equal(403, (await page.APIRequest.GetAsync(Fixture.Origin + $"statistics/{Fixture.Today().Year - 2}/csv")).Status);

        // A reminder in the inbox, marked as read from the page.
        var reminder = new Notification(Guid.CreateVersion7(), Fixture.OrganisationA, workerId, NotificationKind.FollowUpDue, $"web:{Guid.NewGuid():N}", caseId, caseId, Fixture.Today(), DateTimeOffset.UtcNow);
        await Fixture.WithDbAsync(async db =>
        {
            db.Notifications.Add(reminder);
            return await db.SaveChangesAsync();
        });
        await page.GotoAsync(Fixture.Origin + "notifications");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Follow-up due" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Mark as read" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Read", Exact = true })).ToBeVisibleAsync();
        Assert.NotNull(await Fixture.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().Where(n => n.Id == reminder.Id).Select(n => n.ReadAt).SingleAsync()));
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "notifications-en");

        // The sessions of applications signed in as this person: ending the API's session stops its token at once.
        await page.GotoAsync(Fixture.Origin + "sessions");
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "sessions-en");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me/notifications")).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "End the session" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No application is signed in as you.")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me/notifications")).StatusCode);

        // Signing out ends the cookie: the caseload asks for a sign-in again.
        await page.GotoAsync(Fixture.Origin + "caseload");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync(Fixture.Origin + "caseload");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);

        watch.AssertClean();
    }

    [Fact]
    public async Task The_sign_in_page_is_Romanian_until_English_is_chosen_and_the_choice_keeps_where_the_sign_in_leads()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);

        // Romanian without a choice, a wrong code refused in Romanian as vaguely as ever.
        await page.GotoAsync(Fixture.Origin + "account/login?returnUrl=%2Fcaseload", new() { Timeout = 30_000 });
        Assert.Equal("ro", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Autentificare", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Română" })).ToHaveAttributeAsync("aria-pressed", "true");
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "sign-in-ro");
        await page.GetByLabel("Nume de utilizator").FillAsync(staff.UserName);
        await page.GetByLabel("Parolă").FillAsync(staff.Password);
        await page.GetByLabel("Cod de autentificare").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Autentificare", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "Autentificarea nu a reușit. Verificați datele introduse sau, dacă acest cont este blocat, încercați mai târziu.");
        await PageChecks.AssertFormsProtectedAsync(page);
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "sign-in-refused-ro");

        // English on request, from the refused form too: the page comes back in English with the same return address.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(Fixture.Origin + "account/login?returnUrl=%2Fcaseload", page.Url);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToHaveAttributeAsync("aria-pressed", "true");
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "sign-in-en");

        // Signed in in English, the application goes on in English.
        await page.GetByLabel("User name").FillAsync(staff.UserName);
        await page.GetByLabel("Password").FillAsync(staff.Password);
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Now(staff.AuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Fixture.Origin + "caseload");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My caseload", Level = 1 })).ToBeVisibleAsync();
        watch.AssertClean();
    }

    [Fact]
    public async Task A_social_worker_registers_a_person_sees_the_duplicate_warning_opens_a_case_and_finds_the_person()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        await SignInAsync(page, staff, "/beneficiaries/new");
        var name = "Maria Ștefănescu " + Guid.NewGuid().ToString("N")[..6];

        // First registration: no one on file, so the check saves at once and offers a case.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Înregistrarea unei persoane", Level = 1 })).ToBeVisibleAsync();
        await PageChecks.AssertFormsProtectedAsync(page);
        Assert.Equal("off", await page.Locator("form[autocomplete]").Last.GetAttributeAsync("autocomplete"));
        await AccessibleAsync(page, watch);
        await FillPersonAsync(page, name);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-register-ro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifică și înregistrează" }).ClickAsync();
        // Saved, then redirected (a reload cannot register twice) to opening a case; the address holds an id only.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Persoana a fost înregistrată, iar datele ei au fost salvate criptat.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deschiderea unui caz", Level = 1 })).ToBeVisibleAsync();
        Assert.Matches("/beneficiaries/[0-9a-f-]{36}/open-case\\?registered=true$", page.Url);
        await AccessibleAsync(page, watch);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deschide cazul" }).ClickAsync();
        await page.WaitForURLAsync(Fixture.Origin + "caseload");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cazuri deschise atribuite mie (1)" })).ToBeVisibleAsync();

        // The case page: the person's name, the services, and a restricted note that joins the timeline, marked.
        await page.Locator("table a[href^='/cases/']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvează nota" }).ClickAsync(); // empty: refused on its field, the case still shown
        await Assertions.Expect(page.GetByLabel("Textul notei")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cronologia cazului" })).ToBeVisibleAsync();
        await page.GetByLabel("Textul notei").FillAsync("Discuție cu psihologul: a cerut să nu fie contactată telefonic.");
        await page.GetByLabel("Notă restricționată").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvează nota" }).ClickAsync();
        var note = page.Locator("ol.timeline li").Filter(new() { HasText = "a cerut să nu fie contactată" });
        await Assertions.Expect(note.Locator(".badge")).ToHaveTextAsync("restricționată");
        await Assertions.Expect(page.GetByLabel("Textul notei")).ToBeEmptyAsync();
        Assert.Matches("/cases/[0-9a-f-]{36}$", page.Url); // an id in the path, nothing else
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-case-ro");

        // Who read the case: the worker's own reads, in Romania's time.
        var caseUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Cine a accesat cazul" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "dumneavoastră" }).First).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-access-log-ro");

        // Closed with a reason, then reopened; a closing based on what the page showed before that is refused.
        await page.GotoAsync(caseUrl);
        await page.GetByLabel("Motivul închiderii").SelectOptionAsync("GoalsAchieved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Închide cazul" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Redeschide cazul" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Închide cazul" })).ToBeVisibleAsync();
        var (stale, _, _) = await PostTamperedAsync(page, "form:has(input[name=_handler][value=close])", "Version", "0");
        Assert.Equal(400, stale);
        await AccessibleAsync(page, watch);

        // The same person again: the warning names who is on file before anything is saved.
        var before = await CountBeneficiariesAsync();
        await page.GotoAsync(Fixture.Origin + "beneficiaries/new");
        await FillPersonAsync(page, name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifică și înregistrează" }).ClickAsync();
        var warning = page.GetByRole(AriaRole.Region, new() { Name = "Persoane deja în evidență care pot fi aceeași persoană" });
        await Assertions.Expect(warning.GetByRole(AriaRole.Cell, new() { Name = name })).ToBeVisibleAsync();
        Assert.Equal(before, await CountBeneficiariesAsync());
        Assert.Equal(name, await page.GetByLabel("Nume complet").InputValueAsync()); // the form keeps what was typed
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-duplicate-warning-ro");

        // A bad value comes back on its field, linked from the summary, and nothing is saved.
        await page.GetByLabel("Anul identificării").FillAsync("1850");
        await page.GetByRole(AriaRole.Button, new() { Name = "Este altă persoană: înregistrează" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Formularul are probleme" });
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Anul identificării")).ToHaveAttributeAsync("aria-invalid", "true");
        // The Application's rule, in the page's language (the API says it in English).
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Anul identificării trebuie să fie între 1990 și anul acesta." })).ToBeVisibleAsync();
        Assert.Equal(before, await CountBeneficiariesAsync());
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-form-errors-ro");

        // Search by name and date of birth, by POST: the person is found, the address holds nothing of them.
        await page.GotoAsync(Fixture.Origin + "beneficiaries/search");
        await page.GetByLabel("Nume complet").FillAsync(name);
        await page.GetByLabel("Data nașterii").FillAsync("1995-04-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Caută" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = name })).ToHaveCountAsync(1);
        Assert.Equal(Fixture.Origin + "beneficiaries/search", page.Url);
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-search-ro");
        watch.AssertClean();
    }

    [Fact]
    public async Task Malformed_form_posts_come_back_as_the_form_with_its_errors_and_write_nothing()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        await SignInAsync(page, staff, "/beneficiaries/new");
        var before = await CountBeneficiariesAsync();

        // Each a value no form control would send: control characters, a name no enum has, a number in place of a name,
        // two names at once, a bad date or number, text past its limit, a bidirectional control, a missing name or
        // choice, a field sent twice.
        (string Field, string Value)[] bad =
        [
            ("Sex", "Robot"), ("FullName", "Ana\u0000Pop"), ("FullName", "Ana\u0007"), ("Sex", "1"), ("AgeBandAtIdentification", "Female"),
            ("ExploitationTypes", "None"), ("ExploitationTypes", "Sexual,Labour"), ("DateOfBirth", "12/04/1995"), ("YearOfIdentification", "two thousand"),
            ("Phone", "\u202Ebad"), ("Notes", new string('x', 5000)), ("FullName", ""), ("Sex", ""), ("+FullName", "Ana Pop"),
        ];
        await page.GetByLabel("Nume complet").FillAsync("Ana Pop " + Guid.NewGuid().ToString("N")[..6]);
        foreach (var (field, value) in bad)
        {
            var (status, type, body) = await PostTamperedAsync(page, "form[autocomplete]", field, value);
            Assert.True(status == 400, $"{field}: {status}");
            Assert.StartsWith("text/html", type, StringComparison.Ordinal);
            // The form with its errors; or, for a value the framework's form reader refuses outright (a NUL), a page saying nothing was saved.
            Assert.Matches("Formularul are probleme|nu a fost salvat nimic", body);
        }

        // One of them sent from the page itself: the form comes back with its errors, as accessible as the rest.
        await page.GetByLabel("Nume complet").FillAsync(string.Empty);
        var shown = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Verifică și înregistrează" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, shown.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Formularul are probleme" })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);

        Assert.Equal(before, await CountBeneficiariesAsync());
        watch.AssertClean();
    }

    [Fact]
    public async Task The_secretariat_reads_the_annual_table_with_its_suppressed_cells_downloads_it_and_reads_the_ledger()
    {
        var browser = Fixture.RequireBrowser();
        // One person in a shelter, in a period long closed: a count under the threshold, so suppressed.
        var year = Fixture.Today().Year - 2;
        var (workerStaff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var worker = await ApiClientAsync(workerStaff);
        var caseId = (Guid)(await (await worker.PostJsonAsync("/api/v1/cases", new
            {
                beneficiaryId = await worker.RegisterAsync(ApiCalls.Beneficiary("Lidia Web " + Guid.NewGuid().ToString("N")[..6])), openedOn = $"{year}-01-15", assignedWorkerId = workerId,
            })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "Residential", startDate = $"{year}-02-01" })).ReadObjectAsync(HttpStatusCode.Created);
        var (staff, _) = await Fixture.CreateUserAsync(null, Roles.Secretariat);
        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);

        await page.GotoAsync(Fixture.Origin + "account/login?returnUrl=%2Fstatistics%2Freleases", new() { Timeout = 30_000 });
        var shown = await page.RunAndWaitForResponseAsync(() => FillSignInAsync(page, staff), r => r.Url == Fixture.Origin + "statistics/releases");
        Assert.Equal(200, shown.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrul publicărilor statistice", Level = 1 })).ToBeVisibleAsync();

        // The table of a period, chosen by its name; the shelter's one person is a suppressed cell, said in words.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tabelul anual" }).ClickAsync();
        await page.GetByLabel("Perioada").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Arată" }).ClickAsync();
        var shelter = page.GetByRole(AriaRole.Table).First.GetByRole(AriaRole.Row).Filter(new() { HasText = "Adăpost (rezidențial)" });
        await Assertions.Expect(shelter.GetByRole(AriaRole.Cell)).ToHaveTextAsync("ssuprimat");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pe servicii și sexe" })).ToBeVisibleAsync();
        await PageChecks.AssertConfidentialHeadersAsync(await page.ReloadAsync());
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "secretariat-annual-table-ro");

        // The same release as files; the ledger now lists it.
        var csv = await page.APIRequest.GetAsync(Fixture.Origin + $"statistics/{year}/csv");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("Residential", await csv.TextAsync(), StringComparison.Ordinal);
        var xlsx = await page.APIRequest.GetAsync(Fixture.Origin + $"statistics/{year}/xlsx");
        Assert.Equal(200, xlsx.Status);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.BodyAsync())[..2]);

        // A period not yet closed has no release: said on the page, with nothing frozen.
        await page.GotoAsync(Fixture.Origin + $"statistics?period={Fixture.Today().Year}");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);

        await page.GetByRole(AriaRole.Link, new() { Name = "Registrul publicărilor" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = year.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "secretariat-release-ledger-ro");
        watch.AssertClean();
    }

    [Fact]
    public async Task A_lawyer_reads_the_hearings_calendar_by_week_and_month_and_the_legal_case_page()
    {
        var browser = Fixture.RequireBrowser();
        var (workerStaff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (lawyerStaff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Lawyer);
        var worker = await ApiClientAsync(workerStaff);
        var lawyer = await ApiClientAsync(lawyerStaff);
        var caseId = (Guid)(await (await worker.PostJsonAsync("/api/v1/cases", new
            {
                beneficiaryId = await worker.RegisterAsync(ApiCalls.Beneficiary("Elena Web " + Guid.NewGuid().ToString("N")[..6])), openedOn = Fixture.DaysAgo(30), assignedWorkerId = workerId,
            })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        var fileNumber = $"{Random.Shared.Next(100, 999)}/245/2026";
        var legalCaseId = (Guid)(await (await lawyer.PostJsonAsync($"/api/v1/cases/{caseId}/legal-cases", new
            {
                venueKind = "Court", venueName = "Judecătoria Iași", fileNumber, offenceCategory = "TraffickingInPersons",
                proceduralRole = "CivilParty", protectiveMeasures = new[] { "ProtectedIdentity" }, stage = "FirstInstance", openedOn = Fixture.DaysAgo(20),
            })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        var at = new DateTimeOffset(Fixture.Today().AddDays(3).ToDateTime(new TimeOnly(8, 30)), TimeSpan.Zero);
        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{legalCaseId}/hearings", new { scheduledAt = at, court = "Judecătoria Iași, sala 2", purpose = "Termen de judecată" }))
            .ReadObjectAsync(HttpStatusCode.Created);

        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        var day = CourtTime.DayOf(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await SignInAsync(page, lawyerStaff, $"/hearings?view=week&from={day}");

        // The week holding the hearing: its hour in Romania's time, and a link to the legal case.
        var hearing = page.GetByRole(AriaRole.Link, new() { Name = $"{CourtTime.Of(at):HH:mm} {CaseReference.Of(caseId)}" });
        await Assertions.Expect(hearing).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "lawyer-hearings-week-ro");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lună" }).ClickAsync();
        await Assertions.Expect(hearing).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "lawyer-hearings-month-ro");
        // A day at the calendar's ends, or none, shows today's month or week: never an error.
        foreach (var query in new[] { "view=month&from=9999-12-31", "view=week&from=0001-01-01", "view=month&from=2026-02-30", "view=year" })
        {
            Assert.Equal(200, (await page.APIRequest.GetAsync(Fixture.Origin + "hearings?" + query)).Status);
        }

        // The legal case page: stage, protective measures, the hearing.
        await hearing.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Dosarul {fileNumber}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Identitate protejată")).ToBeVisibleAsync();
        Assert.DoesNotContain(fileNumber, await page.TitleAsync(), StringComparison.Ordinal); // a tab's title stays in the browser's history
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Judecătoria Iași, sala 2" })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "lawyer-legal-case-ro");

        // A lawyer registers nobody: the form is refused by its address.
        Assert.Equal(403, (await page.GotoAsync(Fixture.Origin + "beneficiaries/new"))!.Status);
        // Another organisation's legal case: not found, as if it did not exist.
        var (foreignStaff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.Lawyer);
        await using var foreignSession = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var foreign = foreignSession.Page;
        await SignInAsync(foreign, foreignStaff, "/hearings");
        Assert.Equal(404, (await foreign.GotoAsync(Fixture.Origin + $"legal-cases/{legalCaseId}"))!.Status);
        await Assertions.Expect(foreign.GetByRole(AriaRole.Heading, new() { Name = "Nu a fost găsit", Level = 1 })).ToBeVisibleAsync(); // the refusal page, in the layout
        await Assertions.Expect(foreign.GetByText(fileNumber)).ToHaveCountAsync(0);
        watch.AssertClean();
    }

    [Fact]
    public async Task A_coordinator_sends_a_referral_with_chosen_data_and_the_receiver_accepts_and_links_it_to_a_person_on_file()
    {
        var browser = Fixture.RequireBrowser();
        var (senderWorker, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (senderCoordinator, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Coordinator);
        var (receiverWorker, _) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.SocialWorker);
        var (receiverCoordinator, _) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.Coordinator);
        var nationalId = "2950412" + Random.Shared.Next(100000, 999999);
        var name = "Ana Trimisă " + Guid.NewGuid().ToString("N")[..6];
        var (_, caseId, _) = await ReferralFlow.ReferrableCaseAsync(
            await ApiClientAsync(senderWorker), Fixture, Fixture.OrganisationB, ApiCalls.Beneficiary(name, nationalId), "FullName", "NationalId");
        // The receiver knew the person already: acceptance will point at this record.
        var known = await (await ApiClientAsync(receiverWorker)).RegisterAsync(ApiCalls.Beneficiary(name, nationalId));

        // The sender's coordinator chooses what goes, field by field, under the person's consent.
        await using (var sending = await BrowserSession.OpenAsync(browser, Fixture.Origin))
        {
            var (watch, page) = (sending.Watch, sending.Page);
            await SignInAsync(page, senderCoordinator, $"/cases/{caseId}/referral");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trimiteți persoana la altă organizație", Level = 1 })).ToBeVisibleAsync();
            await PageChecks.AssertFormsProtectedAsync(page);
            await AccessibleAsync(page, watch);

            // Nothing chosen: the form comes back with its errors, and nothing is sent.
            var empty = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Trimite", Exact = true }).ClickAsync(), r => r.Request.Method == "POST");
            Assert.Equal(400, empty.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Alegeți cel puțin un serviciu." })).ToBeVisibleAsync();
            await AccessibleAsync(page, watch);
            Assert.Equal(0, await Fixture.WithDbAsync(db => db.Referrals.CountAsync(r => r.SenderCaseId == caseId)));

            // Values no control of the form sends: each comes back as the form with its errors.
            (string Field, string Value)[] bad =
            [
                ("RecipientOrganisationId", "B"), ("RecipientOrganisationId", Guid.Empty.ToString()), ("RecipientOrganisationId", Fixture.OrganisationA.ToString()),
                ("Services", "Shelter"), ("Services", "Residential,Counselling"), ("Urgency", "3"), ("+Urgency", "Routine"), ("Shared", "None"),
                ("Reason", "Are\u0001nevoie"), ("ConsentId", Guid.NewGuid().ToString()), ("IdempotencyKey", ""),
            ];
            await page.GetByLabel("Organizația primitoare").SelectOptionAsync(Fixture.OrganisationB.ToString());
            await page.GetByLabel("Adăpost (rezidențial)", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Motivul trimiterii").FillAsync("Are nevoie de un loc în adăpost.");
            await page.GetByRole(AriaRole.Radio).First.CheckAsync();
            foreach (var (field, value) in bad)
            {
                var (status, type, body) = await PostTamperedAsync(page, "form[autocomplete]", field, value);
                Assert.True(status == 400, $"{field}: {status}");
                Assert.StartsWith("text/html", type, StringComparison.Ordinal);
                Assert.Contains("Formularul are probleme", body, StringComparison.Ordinal);
            }

            Assert.Equal(0, await Fixture.WithDbAsync(db => db.Referrals.CountAsync(r => r.SenderCaseId == caseId)));
            await page.GotoAsync(Fixture.Origin + $"cases/{caseId}/referral");
            await page.GetByLabel("Organizația primitoare").SelectOptionAsync(Fixture.OrganisationB.ToString());
            await page.GetByLabel("Adăpost (rezidențial)", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Urgența").SelectOptionAsync("Urgent");
            await page.GetByLabel("Numele complet", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Codul numeric personal", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Motivul trimiterii").FillAsync("Are nevoie de un loc în adăpost.");
            await page.GetByRole(AriaRole.Radio).First.CheckAsync();
            await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "coordinator-send-referral-ro");
            await page.GetByRole(AriaRole.Button, new() { Name = "Trimite", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(Fixture.Origin + "referrals?sent=true");
            var sent = page.GetByRole(AriaRole.Row).Filter(new() { HasText = CaseReference.Of(caseId) });
            await Assertions.Expect(sent.GetByRole(AriaRole.Cell, new() { Name = "În așteptare" })).ToBeVisibleAsync();
            await AccessibleAsync(page, watch);
            await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "coordinator-outbox-ro");
            watch.AssertClean();
        }

        var referral = await Fixture.WithDbAsync(db => db.Referrals.SingleAsync(r => r.SenderCaseId == caseId));
        Assert.Equal(Domain.Referrals.ReferralData.FirstNameOrAlias | Domain.Referrals.ReferralData.FullName | Domain.Referrals.ReferralData.NationalId, referral.Shared);

        // The receiver's coordinator: the inbox with its age, the summary only, then the data once accepted.
        await using (var receiving = await BrowserSession.OpenAsync(browser, Fixture.Origin))
        {
            var (watch, page) = (receiving.Watch, receiving.Page);
            await SignInAsync(page, receiverCoordinator, "/referrals");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = CaseReference.Of(referral.Id) });
            await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "astăzi" })).ToBeVisibleAsync();
            await AccessibleAsync(page, watch);
            await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "coordinator-inbox-ro");
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.GetByText(name)).ToHaveCountAsync(0);
            await AccessibleAsync(page, watch);
            await page.GetByRole(AriaRole.Button, new() { Name = "Acceptă și deschide un caz" }).ClickAsync();
            await Assertions.Expect(page.GetByText(name)).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText(nationalId)).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("+40 712 000 000")).ToHaveCountAsync(0); // contact was not chosen
            await AccessibleAsync(page, watch);
            await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "coordinator-accepted-referral-ro");

            await page.GetByRole(AriaRole.Button, new() { Name = "Este aceeași persoană: leagă cazul" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Poate este deja în evidența noastră" })).ToHaveCountAsync(0);
            Assert.Equal(known, await Fixture.WithDbAsync(db => db.Referrals.Where(r => r.Id == referral.Id).Select(r => r.RecipientBeneficiaryId).SingleAsync()));
            watch.AssertClean();
        }

        // The sender's staff follow the referral, but cannot open the receiver's side of it.
        await using var foreign = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        await SignInAsync(foreign.Page, senderWorker, "/referrals");
        await Assertions.Expect(foreign.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = CaseReference.Of(caseId) }).GetByRole(AriaRole.Cell, new() { Name = "Acceptată" }))
            .ToBeVisibleAsync();
        Assert.Equal(404, (await foreign.Page.GotoAsync(Fixture.Origin + $"referrals/received/{referral.Id}"))!.Status);
        await Assertions.Expect(foreign.Page.GetByText(nationalId)).ToHaveCountAsync(0);
        foreign.Watch.AssertClean();
    }

    [Fact]
    public async Task An_organisation_admin_invites_a_colleague_changes_their_roles_disables_them_and_sets_the_retention()
    {
        var browser = Fixture.RequireBrowser();
        var (admin, adminId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var (_, foreignId) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.SocialWorker);
        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        await SignInAsync(page, admin, "/staff");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Personalul organizației", Level = 1 })).ToBeVisibleAsync();
        await PageChecks.AssertFormsProtectedAsync(page);

        // An invitation without a role comes back with its error and makes nobody.
        var userName = "ana.noua." + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Numele de utilizator").FillAsync(userName);
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Trimite invitația" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Formularul are probleme" })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        Assert.False(await Fixture.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));

        // With a role: the link is shown this once, to hand over.
        await page.GetByLabel("Asistent social").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Trimite invitația" }).ClickAsync();
        await Assertions.Expect(page.Locator("#invitation-link")).ToContainTextAsync("/account/invitation#");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = userName }).GetByRole(AriaRole.Cell, new() { Name = "Invitație neacceptată" })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "organisation-admin-staff-ro");
        var invitedId = await Fixture.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

        // Roles, then the account itself.
        await page.GetByRole(AriaRole.Link, new() { Name = userName }).ClickAsync();
        await page.GetByLabel("Coordonator").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvează rolurile" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Modificarea a fost salvată.")).ToBeVisibleAsync();
        Assert.Equal([Roles.Coordinator, Roles.SocialWorker], (await Fixture.WithUserAsync(invitedId, (users, user) => users.GetRolesAsync(user))).Order());
        await page.GetByRole(AriaRole.Button, new() { Name = "Dezactivează contul" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reactivează contul" })).ToBeVisibleAsync();
        Assert.True(await Fixture.WithUserAsync(invitedId, (users, user) => Task.FromResult(user.IsDisabled)));
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "organisation-admin-staff-member-ro");

        // Their own account offers no form; another organisation's staff is not found.
        await page.GotoAsync(Fixture.Origin + $"staff/{adminId}");
        await Assertions.Expect(page.GetByText("Acesta este contul dumneavoastră.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Salvează rolurile" })).ToHaveCountAsync(0);
        Assert.Equal(404, (await page.GotoAsync(Fixture.Origin + $"staff/{foreignId}"))!.Status);

        // The retention period, in English this time.
        await page.GotoAsync(Fixture.Origin + "organisation");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByLabel("Years after the last case closed").FillAsync("seven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the period" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await page.GetByLabel("Years after the last case closed").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the period" }).ClickAsync();
        await Assertions.Expect(page.GetByText("7 years after their last case closed", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Equal(7, await Fixture.WithDbAsync(db => db.Organisations.Where(o => o.Id == Fixture.OrganisationA).Select(o => o.RetentionYearsAfterClosure).SingleAsync()));
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "organisation-admin-retention-en");

        // Emptied: the anonymisation stops (and the organisation is as the other tests expect it).
        await page.GetByLabel("Years after the last case closed").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the period" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No period is set", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Null(await Fixture.WithDbAsync(db => db.Organisations.Where(o => o.Id == Fixture.OrganisationA).Select(o => o.RetentionYearsAfterClosure).SingleAsync()));
        watch.AssertClean();
    }

    [Fact]
    public async Task A_platform_admin_registers_an_organisation_disables_and_enables_it_and_registers_and_revokes_a_machine_client()
    {
        var browser = Fixture.RequireBrowser();
        var (admin, _) = await Fixture.CreateUserAsync(null, Roles.PlatformAdmin);
        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        await SignInAsync(page, admin, "/platform/organisations");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = Fixture.OrganisationAName, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lucrările programate (Hangfire)" })).ToHaveAttributeAsync("href", "/hangfire");
        await PageChecks.AssertFormsProtectedAsync(page);

        // A new member NGO: its administrator's link is shown once.
        var name = "Asociația Web " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Numele (obligatoriu)", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Numele de utilizator al administratorului").FillAsync("admin.web." + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Înregistrează și invită administratorul" }).ClickAsync();
        await Assertions.Expect(page.Locator("#invitation-link")).ToContainTextAsync("/account/invitation#");
        var created = await Fixture.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

        // Its administrator has not used the link: a new one replaces it, named by the organisation (never by an account id).
        var firstLink = await page.Locator("#invitation-link").TextContentAsync();
        var (forged, _, _) = await PostTamperedAsync(page, "form:has(input[name=_handler][value=reinvite-admin])", "Reinvite.OrganisationId", Guid.NewGuid().ToString());
        Assert.Equal(400, forged); // no organisation of the list
        await page.GetByLabel("Organizația și administratorul").SelectOptionAsync(created.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Dă un link nou" }).ClickAsync();
        await Assertions.Expect(page.Locator("#invitation-link")).ToContainTextAsync("/account/invitation#");
        await Assertions.Expect(page.Locator("#invitation-link")).Not.ToHaveTextAsync(firstLink!);
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "platform-admin-organisations-ro");

        // Disabled, then enabled again, from its row.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Dezactivează {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Reactivează {name}" })).ToBeVisibleAsync();
        Assert.True(await Fixture.WithDbAsync(db => db.Organisations.Where(o => o.Id == created).Select(o => o.IsDisabled).SingleAsync()));
        await page.GetByRole(AriaRole.Button, new() { Name = $"Reactivează {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Dezactivează {name}" })).ToBeVisibleAsync();
        Assert.False(await Fixture.WithDbAsync(db => db.Organisations.Where(o => o.Id == created).Select(o => o.IsDisabled).SingleAsync()));

        // A machine client: refused without a scope, registered with its key, then revoked.
        await page.GetByRole(AriaRole.Link, new() { Name = "Clienții automați" }).ClickAsync();
        using var key = MachineClientKey.EcP256();
        await page.GetByLabel("Numele (obligatoriu)", new() { Exact = true }).FillAsync("Statistici web");
        await page.GetByLabel("Cheia publică (PEM)").FillAsync(key.PublicKeyPem);
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Înregistrează clientul" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await page.GetByLabel("stats.read").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Înregistrează clientul" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Statistici web" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#client-secret")).ToHaveCountAsync(0); // a key, so no secret
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "platform-admin-clients-ro");
        await row.GetByRole(AriaRole.Button, new() { Name = "Revocă Statistici web" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);

        // The platform's own users: the secretariat invited with its role only, then a new link for them; never for oneself.
        await page.GetByRole(AriaRole.Link, new() { Name = "Utilizatorii platformei" }).ClickAsync();
        var officer = "secretariat.web." + Guid.NewGuid().ToString("N")[..6];
        var invite = page.Locator("form:has(input[name=_handler][value=Invite])");
        await invite.GetByLabel("Numele de utilizator").FillAsync(officer);
        var before = await Fixture.WithDbAsync(db => db.Users.IgnoreQueryFilters().CountAsync());
        foreach (var (field, value) in new[] { ("Invite.Roles", "OrganisationAdmin"), ("Invite.Roles", "Secretariat,PlatformAdmin"), ("Invite.UserName", "ana\u0000"), ("Invite.UserName", "") })
        {
            var (status, type, body) = await PostTamperedAsync(page, "form:has(input[name=_handler][value=Invite])", field, value);
            // The form with its errors; or, for a NUL, which the framework's form reader refuses outright, a page saying nothing was saved.
            Assert.True(status == 400 && type.StartsWith("text/html", StringComparison.Ordinal), $"{field}={value}: {status}");
            Assert.Matches("Formularul are probleme|nu a fost salvat nimic", body);
        }

        Assert.Equal(before, await Fixture.WithDbAsync(db => db.Users.IgnoreQueryFilters().CountAsync()));
        await invite.GetByLabel("Secretariat").CheckAsync();
        await invite.GetByRole(AriaRole.Button, new() { Name = "Trimite invitația" }).ClickAsync();
        await Assertions.Expect(page.Locator("#invitation-link")).ToContainTextAsync("/account/invitation#");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = officer })).ToContainTextAsync("Invitație neacceptată");
        Assert.Equal([Roles.Secretariat], await Fixture.WithDbAsync(async db =>
        {
            var id = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == officer).Select(u => u.Id).SingleAsync();
            return await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name!).ToListAsync();
        }));
        var first = await page.Locator("#invitation-link").TextContentAsync();
        var reinvite = page.Locator("form:has(input[name=_handler][value=Reinvite])");
        await Assertions.Expect(reinvite.Locator($"option:text-is('{admin.UserName}')")).ToHaveCountAsync(0);
        await reinvite.GetByLabel("Numele de utilizator").SelectOptionAsync(new SelectOptionValue { Label = officer });
        await reinvite.GetByLabel("Confirm resetarea").CheckAsync();
        await reinvite.GetByRole(AriaRole.Button, new() { Name = "Resetează și trimite o invitație nouă" }).ClickAsync();
        await Assertions.Expect(page.Locator("#invitation-link")).Not.ToHaveTextAsync(first!);
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "platform-admin-users-ro");

        // A person's record is no platform administrator's.
        Assert.Equal(403, (await page.GotoAsync(Fixture.Origin + "beneficiaries/new"))!.Status);
        watch.AssertClean();
    }

    /// <summary>
    /// axe on the SQLite run only: a page's markup does not depend on the database, and each check costs a second or two
    /// of the suite. The page's own refusals (an inline script or style, a request off the site) are checked on both.
    /// </summary>
    private Task AccessibleAsync(IPage page, PageWatch watch)
    {
        if (Fixture.Provider == DatabaseProvider.Sqlite)
        {
            return PageChecks.AssertAccessibleAsync(page, watch);
        }

        watch.AssertClean();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The attacker's browser: the form's fields as the page would send them, with <paramref name="field"/> replaced by
    /// <paramref name="value"/> ("+Name": sent a second time, beside the page's own), posted by the browser's own request
    /// client (its cookies). No page is drawn, so many variants cost little; returns the status and the page's text.
    /// </summary>
    private static async Task<(int Status, string ContentType, string Body)> PostTamperedAsync(IPage page, string form, string field, string value)
    {
        var fields = await page.EvaluateAsync<string[][]>("selector => [...new FormData(document.querySelector(selector))]", form);
        var name = field.TrimStart('+');
        var data = page.APIRequest.CreateFormData();
        foreach (var pair in fields.Where(pair => field.StartsWith('+') || pair[0] != name))
        {
            data.Append(pair[0], pair[1]);
        }

        data.Append(name, System.Text.RegularExpressions.Regex.Unescape(value));
        var response = await page.APIRequest.PostAsync(page.Url, new() { Form = data, MaxRedirects = 0 });
        return (response.Status, response.Headers["content-type"], await response.TextAsync());
    }

    /// <summary>An API client for a person who will also sign in in the browser: it uses the previous step's code, leaving this step's unused.</summary>
    private async Task<HttpClient> ApiClientAsync(SignInFlow.StaffCredentials staff) =>
        await ApiOnlyClientAsync(staff with { Clock = new FakeTimeProvider(await Totp.PreviousStepAsync()) });

    /// <summary>An API client for a person who never signs in in the browser: this step's code, so no wait for the previous step.</summary>
    private async Task<HttpClient> ApiOnlyClientAsync(SignInFlow.StaffCredentials staff)
    {
        using var signInBrowser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Fixture.BaseAddress };
        using var tokenClient = new HttpClient { BaseAddress = Fixture.BaseAddress };
        return Fixture.WithToken((await SignInFlow.SignInAsync(signInBrowser, tokenClient, staff)).AccessToken);
    }

    /// <summary>Signs in through the sign-in page with a password and this step's authenticator code, and lands on <paramref name="path"/>.</summary>
    private async Task SignInAsync(IPage page, SignInFlow.StaffCredentials staff, string path)
    {
        await page.GotoAsync(Fixture.Origin + "account/login?returnUrl=" + Uri.EscapeDataString(path), new() { Timeout = 30_000 });
        await FillSignInAsync(page, staff);
        try
        {
            await page.WaitForURLAsync(Fixture.Origin + path.TrimStart('/'));
        }
        catch (TimeoutException e)
        {
            // Where the sign-in stopped instead, and what it said there.
            throw new TimeoutException($"{e.Message} Still at {page.Url}: {await page.Locator("main").InnerTextAsync(new() { Timeout = 1000 })}", e);
        }
    }

    /// <summary>Fills the sign-in form by its Romanian labels (the pages' language until a person chooses another) and sends it.</summary>
    private static async Task FillSignInAsync(IPage page, SignInFlow.StaffCredentials staff)
    {
        await page.GetByLabel("Nume de utilizator").FillAsync(staff.UserName);
        await page.GetByLabel("Parolă").FillAsync(staff.Password);
        await page.GetByLabel("Cod de autentificare").FillAsync(Totp.Now(staff.AuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Autentificare", Exact = true }).ClickAsync();
    }

    private static async Task FillPersonAsync(IPage page, string name)
    {
        await page.GetByLabel("Nume complet").FillAsync(name);
        await page.GetByLabel("Data nașterii").FillAsync("1995-04-12");
        await page.GetByLabel("Sex", new() { Exact = true }).SelectOptionAsync("Female");
        await page.GetByLabel("Vârsta la identificare").SelectOptionAsync("From26To35");
        await page.GetByLabel("Exploatare prin muncă").CheckAsync();
        await page.GetByLabel("Țara exploatării").FillAsync("IT");
    }

    private Task<int> CountBeneficiariesAsync() =>
        Fixture.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task The_accessibility_check_fails_a_page_with_an_image_without_text_an_unlabelled_field_and_grey_on_grey()
    {
        var browser = Fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);
        await page.GotoAsync(Fixture.Origin + "account/login", new() { Timeout = 30_000 });
        await PageChecks.AssertAccessibleAsync(page, watch); // the page as served: no violation, and axe now in the page

        // Drawn by the DOM's own calls, which the page's policy allows (an inline style attribute it would refuse).
        await page.EvaluateAsync("""
            () => {
              const main = document.querySelector('main');
              main.appendChild(document.createElement('img')).src = '/favicon.ico';
              main.appendChild(document.createElement('input')).type = 'text';
              const faint = main.appendChild(document.createElement('p'));
              faint.textContent = 'faint';
              faint.style.color = '#ddd';
              faint.style.background = '#fff';
            }
            """);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => PageChecks.AssertAccessibleAsync(page, watch));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        Assert.Contains("color-contrast", failure.Message, StringComparison.Ordinal);
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
