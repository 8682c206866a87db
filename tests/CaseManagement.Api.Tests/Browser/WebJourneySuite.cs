using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Notifications;
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

        // Thirteen idle minutes: a warning, and a button that renews the session without leaving the page.
        var warning = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Your session is about to end" });
        await Assertions.Expect(warning).ToBeHiddenAsync();
        await page.Clock.FastForwardAsync("13:01");
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" })).ToBeFocusedAsync();
        await PageChecks.AssertAccessibleAsync(page, watch);
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
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-refused-en");

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
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "notifications-en");

        // The sessions of applications signed in as this person: ending the API's session stops its token at once.
        await page.GotoAsync(Fixture.Origin + "sessions");
        await PageChecks.AssertAccessibleAsync(page, watch);
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
        await PageChecks.AssertAccessibleAsync(page, watch);
        await FillPersonAsync(page, name);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-register-ro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifică și înregistrează" }).ClickAsync();
        // Saved, then redirected (a reload cannot register twice) to opening a case; the address holds an id only.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Persoana a fost înregistrată, iar datele ei au fost salvate criptat.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deschiderea unui caz", Level = 1 })).ToBeVisibleAsync();
        Assert.Matches("/beneficiaries/[0-9a-f-]{36}/open-case\\?registered=true$", page.Url);
        await PageChecks.AssertAccessibleAsync(page, watch);
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
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-case-ro");

        // The same person again: the warning names who is on file before anything is saved.
        var before = await CountBeneficiariesAsync();
        await page.GotoAsync(Fixture.Origin + "beneficiaries/new");
        await FillPersonAsync(page, name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifică și înregistrează" }).ClickAsync();
        var warning = page.GetByRole(AriaRole.Region, new() { Name = "Persoane deja în evidență care pot fi aceeași persoană" });
        await Assertions.Expect(warning.GetByRole(AriaRole.Cell, new() { Name = name })).ToBeVisibleAsync();
        Assert.Equal(before, await CountBeneficiariesAsync());
        Assert.Equal(name, await page.GetByLabel("Nume complet").InputValueAsync()); // the form keeps what was typed
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-duplicate-warning-ro");

        // A bad value comes back on its field, linked from the summary, and nothing is saved.
        await page.GetByLabel("Anul identificării").FillAsync("1850");
        await page.GetByRole(AriaRole.Button, new() { Name = "Este altă persoană: înregistrează" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Formularul are probleme" });
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Anul identificării")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(before, await CountBeneficiariesAsync());
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-form-errors-ro");

        // Search by name and date of birth, by POST: the person is found, the address holds nothing of them.
        await page.GotoAsync(Fixture.Origin + "beneficiaries/search");
        await page.GetByLabel("Nume complet").FillAsync(name);
        await page.GetByLabel("Data nașterii").FillAsync("1995-04-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Caută" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = name })).ToHaveCountAsync(1);
        Assert.Equal(Fixture.Origin + "beneficiaries/search", page.Url);
        await PageChecks.AssertAccessibleAsync(page, watch);
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
        foreach (var (field, value) in bad)
        {
            await page.GotoAsync(Fixture.Origin + "beneficiaries/new");
            await page.GetByLabel("Nume complet").FillAsync("Ana Pop " + Guid.NewGuid().ToString("N")[..6]);
            // The attacker's browser: the field is replaced in the page by one holding the bad value, and the form is sent.
            await page.EvaluateAsync("""
                ([field, value]) => {
                  const form = document.querySelector('form[autocomplete]');
                  const name = field.replace(/^\+/, ''); // "+Name": sent a second time, beside the page's own
                  if (!field.startsWith('+')) form.querySelectorAll(`[name="${name}"]`).forEach(e => e.remove());
                  const input = document.createElement('input');
                  Object.assign(input, { type: 'hidden', name, value });
                  form.appendChild(input);
                }
                """, new[] { field, System.Text.RegularExpressions.Regex.Unescape(value) });
            var response = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Verifică și înregistrează" }).ClickAsync(),
                r => r.Url == Fixture.Origin + "beneficiaries/new" && r.Request.Method == "POST");
            Assert.True(response.Status == 400, $"{field}: {response.Status}");
            Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
            // The form with its errors; or, for a value the framework's form reader refuses outright (a NUL), a page saying nothing was saved.
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasTextRegex = new("Formularul are probleme|nu a fost salvat nimic") })).ToBeVisibleAsync();
            await PageChecks.AssertAccessibleAsync(page, watch);
        }

        Assert.Equal(before, await CountBeneficiariesAsync());
        watch.AssertClean();
    }

    [Fact]
    public async Task The_secretariat_reads_the_release_ledger()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, _) = await Fixture.CreateUserAsync(null, Roles.Secretariat);
        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);

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
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "lawyer-hearings-week-ro");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lună" }).ClickAsync();
        await Assertions.Expect(hearing).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "lawyer-hearings-month-ro");

        // The legal case page: stage, protective measures, the hearing.
        await hearing.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Dosarul {fileNumber}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Identitate protejată")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Judecătoria Iași, sala 2" })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "lawyer-legal-case-ro");

        // A lawyer registers nobody: the form is refused by its address.
        Assert.Equal(403, (await page.GotoAsync(Fixture.Origin + "beneficiaries/new"))!.Status);
        // Another organisation's legal case: not found, as if it did not exist.
        var (foreignStaff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.Lawyer);
        await using var foreignSession = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var foreign = foreignSession.Page;
        await SignInAsync(foreign, foreignStaff, "/hearings");
        Assert.Equal(404, (await foreign.GotoAsync(Fixture.Origin + $"legal-cases/{legalCaseId}"))!.Status);
        await Assertions.Expect(foreign.GetByText(fileNumber)).ToHaveCountAsync(0);
        watch.AssertClean();
    }

    /// <summary>An API client for a person who will also sign in in the browser: it uses the previous step's code, leaving this step's unused.</summary>
    private async Task<HttpClient> ApiClientAsync(SignInFlow.StaffCredentials staff)
    {
        using var signInBrowser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Fixture.BaseAddress };
        using var tokenClient = new HttpClient { BaseAddress = Fixture.BaseAddress };
        var tokens = await SignInFlow.SignInAsync(signInBrowser, tokenClient, staff with { Clock = new FakeTimeProvider(await Totp.PreviousStepAsync()) });
        return Fixture.WithToken(tokens.AccessToken);
    }

    /// <summary>Signs in through the sign-in page with a password and this step's authenticator code, and lands on <paramref name="path"/>.</summary>
    private async Task SignInAsync(IPage page, SignInFlow.StaffCredentials staff, string path)
    {
        await page.GotoAsync(Fixture.Origin + "account/login?returnUrl=" + Uri.EscapeDataString(path), new() { Timeout = 30_000 });
        await page.GetByLabel("User name").FillAsync(staff.UserName);
        await page.GetByLabel("Password").FillAsync(staff.Password);
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Now(staff.AuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(Fixture.Origin + path.TrimStart('/'));
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
