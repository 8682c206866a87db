using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Consents;
using CaseManagement.Domain.Referrals;
using CaseManagement.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>
/// The daily writes that were the API's only: a person's consents (recorded, revised, withdrawn), their record edited,
/// a case handed over; and a referral followed by both sides (updates, completion, withdrawal).
/// </summary>
public abstract partial class WebJourneySuite<TFixture>
{
    [Fact]
    public async Task A_social_worker_records_revises_and_withdraws_a_consent_edits_the_record_and_hands_the_case_over_but_never_to_themselves()
    {
        var browser = Fixture.RequireBrowser();
        var (staff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (colleague, colleagueId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (foreignStaff, foreignId) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.SocialWorker);
        var api = await ApiClientAsync(staff);
        var name = "Irina Acord " + Guid.NewGuid().ToString("N")[..6];
        var personId = await api.RegisterAsync(ApiCalls.Beneficiary(name));
        var caseId = (Guid)(await (await api.PostJsonAsync("/api/v1/cases", new { beneficiaryId = personId, openedOn = Fixture.DaysAgo(3), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        var foreign = await ApiClientAsync(foreignStaff);
        var foreignCaseId = (Guid)(await (await foreign.PostJsonAsync("/api/v1/cases", new
            {
                beneficiaryId = await foreign.RegisterAsync(ApiCalls.Beneficiary("Străină " + Guid.NewGuid().ToString("N")[..6])), openedOn = Fixture.DaysAgo(3), assignedWorkerId = foreignId,
            })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        Task<List<Consent>> ConsentsAsync() => Fixture.WithDbAsync(db => db.Consents.IgnoreQueryFilters().Where(c => c.BeneficiaryId == personId).OrderBy(c => c.Number).ToListAsync());

        await using var session = await BrowserSession.OpenAsync(browser, Fixture.Origin);
        var (watch, page) = (session.Watch, session.Page);

        // A referral needs consent: the referral form says there is none, and leads to recording it.
        await SignInAsync(page, staff, $"/cases/{caseId}/referral");
        await Assertions.Expect(page.GetByText("Persoana nu are niciun acord de trimitere înregistrat.", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Înregistrați sau modificați acordul persoanei" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Acordurile persoanei", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Persoana nu are niciun acord înregistrat.")).ToBeVisibleAsync();
        await PageChecks.AssertFormsProtectedAsync(page);
        await page.GetByLabel("Ce acoperă acordul").SelectOptionAsync("Referral");
        await page.GetByLabel("Organizația la care poate fi trimisă").SelectOptionAsync(Fixture.OrganisationB.ToString());
        await page.GetByLabel("Adăpost (rezidențial)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Numele complet", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Cum a fost dat").SelectOptionAsync("Written");
        await page.GetByLabel("Unde se află documentul semnat").FillAsync("Dosar 7/2026, fila 3");

        // Values no control sends, a missing date, terms the rules refuse: each comes back as the form with its errors, and nothing is recorded.
        (string Field, string Value)[] bad =
        [
            ("Scope", "Sharing"), ("Scope", ""), ("Form", "2"), ("Purposes", "Shelter"), ("DataItems", "None"), ("RecipientOrganisationId", "B"),
            ("DocumentReference", "Dosar\u00077"), ("GivenOn", "07.12.2026"), ("GivenOn", ""), ("GivenOn", Fixture.Today().AddDays(5).ToString("yyyy-MM-dd")),
            ("RecipientOrganisationId", Fixture.OrganisationA.ToString()), ("DocumentReference", ""), ("+Scope", "Processing"),
        ];
        foreach (var (field, value) in bad)
        {
            var (status, type, body) = await PostTamperedAsync(page, "form:has(select[name=Scope])", field, value);
            Assert.True(status == 400, $"{field}: {status}");
            Assert.StartsWith("text/html", type, StringComparison.Ordinal);
            Assert.Contains("Formularul are probleme", body, StringComparison.Ordinal);
        }

        Assert.Empty(await ConsentsAsync());
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-record-consent-ro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Înregistrează acordul" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Acordul a fost salvat.");
        var recorded = Assert.Single(await ConsentsAsync());
        Assert.Equal((ConsentScope.Referral, (Guid?)Fixture.OrganisationB, ReferralData.FirstNameOrAlias | ReferralData.FullName, ConsentForm.Written, 1, true),
            (recorded.Scope, recorded.RecipientOrganisationId, recorded.DataItems, recorded.Form, recorded.Number, recorded.IsCurrent));
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Dosar 7/2026, fila 3", Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Trimiteți persoana la altă organizație" })).ToBeVisibleAsync();
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-consents-ro");

        // Revised: counselling too. The old terms stay in the history.
        await page.GetByRole(AriaRole.Link, new() { Name = "Trimiterea la altă organizație" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Unde se află documentul semnat")).ToHaveValueAsync("Dosar 7/2026, fila 3");
        await Assertions.Expect(page.GetByLabel("Numele complet", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel("Consiliere", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvează modificarea" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Acordul a fost salvat.");
        var history = page.GetByRole(AriaRole.Region, new() { Name = "Istoricul acordului" });
        await Assertions.Expect(history.GetByRole(AriaRole.Cell, new() { Name = "Înlocuit" })).ToHaveCountAsync(1);
        var revised = await ConsentsAsync();
        Assert.Equal(new[] { (1, false), (2, true) }, revised.Select(c => (c.Number, c.IsCurrent)));
        Assert.Equal(ServiceTypeSet.ToMask([ServiceType.Residential, ServiceType.Counselling]), revised[1].PurposesMask);
        await AccessibleAsync(page, watch);

        // A withdrawal with a bad or missing date, or a version no longer current, is refused and changes nothing (the box ticked, so that it is not what refuses it).
        await page.GetByLabel("Confirm retragerea").CheckAsync();
        foreach (var (field, value) in new[] { ("WithdrawnOn", "2026-02-30"), ("WithdrawnOn", ""), ("Number", "1"), ("Number", "two") })
        {
            var (status, _, body) = await PostTamperedAsync(page, "form:has(input[name=WithdrawnOn])", field, value);
            Assert.True(status == 400, $"{field}: {status}");
            Assert.Contains("Formularul are probleme", body, StringComparison.Ordinal);
        }

        Assert.Equal(2, (await ConsentsAsync()).Count);
        var (unticked, _, _) = await PostTamperedAsync(page, "form:has(input[name=WithdrawnOn])", "WithdrawConfirm", "");
        Assert.Equal(400, unticked);
        Assert.Equal(2, (await ConsentsAsync()).Count);
        await page.GetByRole(AriaRole.Button, new() { Name = "Retrage acordul" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Acordul a fost retras.");
        await Assertions.Expect(history.GetByRole(AriaRole.Cell, new() { Name = "Retras la" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retrage acordul" })).ToHaveCountAsync(0);
        var withdrawn = (await ConsentsAsync())[^1];
        Assert.Equal((3, true, (DateOnly?)Fixture.Today()), (withdrawn.Number, withdrawn.IsCurrent, withdrawn.WithdrawnOn));
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-consent-withdrawn-ro");

        // The person's record, from the case: filled in as it is, saved with the version read.
        await page.GotoAsync(Fixture.Origin + $"cases/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Modificați datele persoanei" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Nume complet")).ToHaveValueAsync(name);
        Assert.Equal("off", await page.Locator("form[autocomplete]").GetAttributeAsync("autocomplete"));
        var version = await Fixture.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Id == personId).Select(b => b.Version).SingleAsync());
        foreach (var (field, value) in new[] { ("Sex", "Robot"), ("FullName", "Irina\u0007"), ("DateOfBirth", "12/04/1995"), ("FullName", ""), ("YearOfIdentification", ""), ("Version", "99") })
        {
            var (status, type, body) = await PostTamperedAsync(page, "form[autocomplete]", field, value);
            Assert.True(status == 400, $"{field}: {status}");
            Assert.StartsWith("text/html", type, StringComparison.Ordinal);
            Assert.Contains("Formularul are probleme", body, StringComparison.Ordinal);
        }

        Assert.Equal(version, await Fixture.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Id == personId).Select(b => b.Version).SingleAsync()));
        await page.GetByLabel("Telefon").FillAsync("+40 722 111 222");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvează datele" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Datele persoanei au fost salvate.");
        await Assertions.Expect(page.GetByLabel("Telefon")).ToHaveValueAsync("+40 722 111 222");
        Assert.Equal(version + 1, await Fixture.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Id == personId).Select(b => b.Version).SingleAsync()));
        await AccessibleAsync(page, watch);
        await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "social-worker-edit-person-ro");

        // Someone saves a change in another tab meanwhile: this save is refused, and the form shows what is saved now.
        var otherTab = await page.Context.NewPageAsync();
        await otherTab.GotoAsync(page.Url);
        await otherTab.GetByLabel("Telefon").FillAsync("+40 733 000 000");
        await otherTab.GetByRole(AriaRole.Button, new() { Name = "Salvează datele" }).ClickAsync();
        await Assertions.Expect(otherTab.GetByRole(AriaRole.Status)).ToHaveTextAsync("Datele persoanei au fost salvate.");
        await otherTab.CloseAsync();
        await page.GetByLabel("Telefon").FillAsync("+40 744 999 999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvează datele" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Altcineva a salvat între timp o modificare");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0); // posted from "?saved=true": nothing was saved this time
        await Assertions.Expect(page.GetByLabel("Telefon")).ToHaveValueAsync("+40 733 000 000");
        Assert.Equal(version + 2, await Fixture.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Id == personId).Select(b => b.Version).SingleAsync()));
        await AccessibleAsync(page, watch);
        await page.GetByLabel("Telefon").FillAsync("+40 744 999 999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salvează datele" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Datele persoanei au fost salvate.");
        await Assertions.Expect(page.GetByLabel("Telefon")).ToHaveValueAsync("+40 744 999 999");

        // Another organisation's case is not found, on every new page.
        foreach (var path in new[] { "person", "consents", $"consents/{recorded.ConsentId}" })
        {
            Assert.Equal(404, (await page.APIRequest.GetAsync(Fixture.Origin + $"cases/{foreignCaseId}/{path}")).Status);
        }

        // The case handed over to a colleague; taking it for oneself by a forged post is refused and writes nothing.
        await page.GetByRole(AriaRole.Link, new() { Name = "Înapoi la caz" }).ClickAsync();
        var assign = page.GetByRole(AriaRole.Region, new() { Name = "Asistentul social al cazului" });
        await Assertions.Expect(assign.GetByText("Cazul vă este atribuit.")).ToBeVisibleAsync();
        await Assertions.Expect(assign.Locator($"option[value='{workerId}']")).ToHaveCountAsync(0);
        Task<(Guid? Worker, int Version)> AssignmentAsync() =>
            Fixture.WithDbAsync(db => db.Cases.IgnoreQueryFilters().Where(c => c.Id == caseId).Select(c => new ValueTuple<Guid?, int>(c.AssignedWorkerId, c.Version)).SingleAsync());
        var (_, caseVersion) = await AssignmentAsync();
        var forged = await PostTamperedAsync(page, "form:has(select[name=WorkerId])", "WorkerId", workerId.ToString());
        Assert.Equal(403, forged.Status);
        Assert.Equal(((Guid?)workerId, caseVersion), await AssignmentAsync());
        await assign.GetByLabel("Colegul căruia îi atribuiți cazul").SelectOptionAsync(colleagueId.ToString());
        await assign.GetByRole(AriaRole.Button, new() { Name = "Atribuie cazul" }).ClickAsync();
        await Assertions.Expect(assign).ToHaveCountAsync(0); // no longer theirs: a coordinator or the colleague hands it on
        Assert.Equal(((Guid?)colleagueId, caseVersion + 1), await AssignmentAsync());
        await AccessibleAsync(page, watch);
        watch.AssertClean();
    }

    [Fact]
    public async Task Coordinators_of_two_organisations_follow_referrals_the_receiver_posts_updates_and_completes_one_and_the_sender_withdraws_another()
    {
        var browser = Fixture.RequireBrowser();
        var (senderWorker, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (senderCoordinator, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Coordinator);
        var (receiverCoordinator, _) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.Coordinator);
        var (receiverWorker, receiverWorkerId) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.SocialWorker);
        var worker = await ApiClientAsync(senderWorker);
        var (_, followedCase, followedConsent) = await ReferralFlow.ReferrableCaseAsync(worker, Fixture, Fixture.OrganisationB, ApiCalls.Beneficiary("Dana Urmărită " + Guid.NewGuid().ToString("N")[..6]));
        var followed = (Guid)(await ReferralFlow.SendAsync(worker, ReferralFlow.Referral(followedCase, Fixture.OrganisationB, followedConsent, "Are nevoie de adăpost.")))["id"]!;
        var (_, otherCase, otherConsent) = await ReferralFlow.ReferrableCaseAsync(worker, Fixture, Fixture.OrganisationB, ApiCalls.Beneficiary("Dana Retrasă " + Guid.NewGuid().ToString("N")[..6]));
        var withdrawn = (Guid)(await ReferralFlow.SendAsync(worker, ReferralFlow.Referral(otherCase, Fixture.OrganisationB, otherConsent, "Are nevoie de adăpost.")))["id"]!;
        Task<Referral> ReferralAsync(Guid id) => Fixture.WithDbAsync(db => db.Referrals.Include(r => r.Updates).SingleAsync(r => r.Id == id));

        // The receiver's coordinator accepts, tells the sender the person started a service, completes the referral, and assigns the new case.
        await using (var receiving = await BrowserSession.OpenAsync(browser, Fixture.Origin))
        {
            var (watch, page) = (receiving.Watch, receiving.Page);
            await SignInAsync(page, receiverCoordinator, $"/referrals/received/{followed}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Evoluția persoanei" })).ToHaveCountAsync(0); // pending: nothing to tell yet
            await page.GetByRole(AriaRole.Button, new() { Name = "Acceptă și deschide un caz" }).ClickAsync();
            var updates = page.GetByRole(AriaRole.Region, new() { Name = "Evoluția persoanei" });
            await Assertions.Expect(updates.GetByText("Nicio actualizare încă.")).ToBeVisibleAsync();

            await updates.GetByLabel("Ce s-a întâmplat").SelectOptionAsync("ServiceStarted");
            await updates.GetByLabel("Serviciul").SelectOptionAsync("Residential");
            foreach (var (field, value) in new[] { ("Kind", "Arrived"), ("Kind", ""), ("Service", "Shelter"), ("On", "2026-02-30"), ("On", ""), ("Service", ""), ("On", Fixture.DaysAgo(40)) })
            {
                var (status, type, body) = await PostTamperedAsync(page, "form:has(select[name=Kind])", field, value);
                Assert.True(status == 400, $"{field}: {status}");
                Assert.StartsWith("text/html", type, StringComparison.Ordinal);
                Assert.Contains("Formularul are probleme", body, StringComparison.Ordinal);
            }

            Assert.Empty((await ReferralAsync(followed)).Updates);
            await updates.GetByRole(AriaRole.Button, new() { Name = "Trimite actualizarea" }).ClickAsync();
            await Assertions.Expect(updates.GetByRole(AriaRole.Cell, new() { Name = "Serviciu început" })).ToBeVisibleAsync();
            var posted = Assert.Single((await ReferralAsync(followed)).Updates);
            Assert.Equal((ReferralUpdateKind.ServiceStarted, (ServiceType?)ServiceType.Residential, Fixture.Today()), (posted.Kind, posted.Service, posted.On));
            await AccessibleAsync(page, watch);
            await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "coordinator-referral-updates-ro");

            await page.GetByRole(AriaRole.Button, new() { Name = "Încheie trimiterea" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Încheiată" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Încheie trimiterea" })).ToHaveCountAsync(0);
            var completed = await ReferralAsync(followed);
            Assert.Equal(ReferralStatus.Completed, completed.Status);
            // The sender's side of the referral is not the receiver's to open.
            Assert.Equal(404, (await page.APIRequest.GetAsync(Fixture.Origin + $"referrals/sent/{followed}")).Status);

            // The case acceptance opened belongs to nobody yet: the coordinator gives it to a social worker.
            await page.GetByRole(AriaRole.Link, new() { Name = CaseReference.Of(completed.RecipientCaseId!.Value) }).ClickAsync();
            var assign = page.GetByRole(AriaRole.Region, new() { Name = "Asistentul social al cazului" });
            await Assertions.Expect(assign.GetByText("Cazul nu este atribuit nimănui.")).ToBeVisibleAsync();
            await assign.GetByLabel("Colegul căruia îi atribuiți cazul").SelectOptionAsync(receiverWorkerId.ToString());
            await assign.GetByRole(AriaRole.Button, new() { Name = "Atribuie cazul" }).ClickAsync();
            await Assertions.Expect(assign.GetByText($"Cazul este atribuit lui {receiverWorker.UserName}.")).ToBeVisibleAsync();
            Assert.Equal(receiverWorkerId, await Fixture.WithDbAsync(db => db.Cases.IgnoreQueryFilters().Where(c => c.Id == completed.RecipientCaseId).Select(c => c.AssignedWorkerId).SingleAsync()));
            await AccessibleAsync(page, watch);
            watch.AssertClean();
        }

        // The sender's coordinator reads the update on the referral's page, and withdraws the other referral while it waits.
        await using (var sending = await BrowserSession.OpenAsync(browser, Fixture.Origin))
        {
            var (watch, page) = (sending.Watch, sending.Page);
            await SignInAsync(page, senderCoordinator, "/referrals");
            await page.GetByRole(AriaRole.Link, new() { Name = CaseReference.Of(followed) }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Trimiterea {CaseReference.Of(followed)}", Level = 1 })).ToBeVisibleAsync();
            var updates = page.GetByRole(AriaRole.Region, new() { Name = "Evoluția persoanei" });
            await Assertions.Expect(updates.GetByRole(AriaRole.Cell, new() { Name = "Serviciu început" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retrage trimiterea" })).ToHaveCountAsync(0); // answered: no longer withdrawn
            await AccessibleAsync(page, watch);
            await PageChecks.ScreenshotAsync(page, Fixture.Provider.ToString(), "coordinator-sent-referral-ro");

            await page.GotoAsync(Fixture.Origin + $"referrals/sent/{withdrawn}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Retrage trimiterea" }).ClickAsync(); // the box unticked: refused
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Bifați caseta pentru a confirma." })).ToBeVisibleAsync();
            Assert.Equal(ReferralStatus.Pending, (await ReferralAsync(withdrawn)).Status);
            await page.GetByLabel("Confirm retragerea trimiterii").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Retrage trimiterea" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Trimiterea a fost retrasă.");
            await Assertions.Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Retrasă" })).ToBeVisibleAsync();
            Assert.Equal(ReferralStatus.Withdrawn, (await ReferralAsync(withdrawn)).Status);
            await AccessibleAsync(page, watch);

            // A coordinator records no consent and edits no record: refused by address.
            foreach (var path in new[] { "consents", "person" })
            {
                Assert.Equal(403, (await page.APIRequest.GetAsync(Fixture.Origin + $"cases/{followedCase}/{path}")).Status);
            }

            watch.AssertClean();
        }
    }
}
