using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals.Commands.ExpireReferrals;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Identity.Invitations;
using CaseManagement.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Hangfire.Storage;
using Mediator;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Jobs;

/// <summary>
/// Reminders and referral expiry on a fake clock: the jobs' own code runs at the clock's time, and its notifications
/// are read through the inbox endpoints with real tokens. The clock only moves forward, so every
/// test makes its own people and cases.
/// </summary>
public sealed class ReminderTests(ReminderFixture fixture) : IClassFixture<ReminderFixture>
{
    private ReminderJobs Jobs => fixture.Services.GetRequiredService<ReminderJobs>();

    [Fact]
    public async Task A_quiet_case_asks_its_worker_for_a_review_once_per_quiet_spell()
    {
        var (worker, workerId) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var (colleague, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var client = await SignInAsync(worker);
        var beneficiary = await client.RegisterAsync(Beneficiary("Quiet Case Person"));
        var opened = await (await client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = beneficiary, openedOn = fixture.DaysAgo(30), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var caseId = (Guid)opened["id"]!;
        var activeSince = fixture.Today();

        fixture.Clock.Advance(TimeSpan.FromDays(89));
        await Jobs.RemindCaseReviewsAsync(CancellationToken.None);
        Assert.DoesNotContain(await InboxAsync(await SignInAsync(worker)), n => (Guid)n["caseId"]! == caseId);

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await Jobs.RemindCaseReviewsAsync(CancellationToken.None);
        await Jobs.RemindCaseReviewsAsync(CancellationToken.None); // a rerun adds nothing
        client = await SignInAsync(worker);
        var review = Assert.Single(await InboxAsync(client), n => (Guid)n["caseId"]! == caseId);
        Assert.Equal("CaseReview", (string?)review["kind"]);
        Assert.Equal(TestDates.Iso(activeSince), (string?)review["dueOn"]);
        Assert.Null(review["readAt"]);
        Assert.Empty(await InboxAsync(await SignInAsync(colleague)));

        // Only its recipient marks a reminder read.
        var reviewId = (Guid)review["id"]!;
        await (await (await SignInAsync(colleague)).PostJsonAsync($"/api/v1/me/notifications/{reviewId}/read", new { })).ProblemAsync(HttpStatusCode.NotFound);
        var read = await (await client.PostJsonAsync($"/api/v1/me/notifications/{reviewId}/read", new { })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.NotNull(read["readAt"]);
        Assert.Empty(await InboxAsync(client, unreadOnly: true));

        // A note is activity: the next quiet spell starts from it and gets its own reminder.
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content = "Called her today." })).ReadObjectAsync(HttpStatusCode.Created);
        await Jobs.RemindCaseReviewsAsync(CancellationToken.None);
        Assert.Single(await InboxAsync(client), n => (Guid)n["caseId"]! == caseId);
        fixture.Clock.Advance(TimeSpan.FromDays(91));
        await Jobs.RemindCaseReviewsAsync(CancellationToken.None);
        var reviews = (await InboxAsync(await SignInAsync(worker))).Where(n => (Guid)n["caseId"]! == caseId).ToList();
        Assert.Equal(2, reviews.Count);
        Assert.Equal(1, reviews.Count(n => n["readAt"] is null));
    }

    [Fact]
    public async Task A_hearing_reminds_its_lawyer_and_the_case_worker_seven_days_and_one_day_before_once_each()
    {
        var (worker, workerId) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var (lawyer, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.Lawyer);
        var (otherLawyer, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.Lawyer);
        var client = await SignInAsync(worker);
        var caseId = (Guid)(await (await client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await client.RegisterAsync(Beneficiary("Hearing Person")), openedOn = fixture.DaysAgo(30), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        var counsel = await SignInAsync(lawyer);
        var legalCase = await (await counsel.PostJsonAsync($"/api/v1/cases/{caseId}/legal-cases", new
        {
            venueKind = "Court", venueName = "Tribunalul Iasi", fileNumber = "4321/99/2026", offenceCategory = "TraffickingInPersons",
            proceduralRole = "InjuredParty", protectiveMeasures = Array.Empty<string>(), stage = "FirstInstance", openedOn = fixture.DaysAgo(20),
        })).ReadObjectAsync(HttpStatusCode.Created);
        var hearingDate = fixture.Today().AddDays(10);
        var hearing = (Guid)(await (await counsel.PostJsonAsync($"/api/v1/legal-cases/{legalCase["id"]}/hearings", new
        {
            scheduledAt = new DateTimeOffset(hearingDate.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), court = "Tribunalul Iasi, sala 3", purpose = "Audierea persoanei vatamate",
        })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;

        async Task<int> RemindersAsync(SignInFlow.StaffCredentials staff) =>
            (await InboxAsync(await SignInAsync(staff))).Count(n => (string?)n["kind"] == "HearingReminder" && (Guid)n["subjectId"]! == hearing);

        fixture.Clock.Advance(TimeSpan.FromDays(2)); // 8 days left
        await Jobs.RemindHearingsAsync(CancellationToken.None);
        Assert.Equal(0, await RemindersAsync(lawyer));

        fixture.Clock.Advance(TimeSpan.FromDays(1)); // 7 days left
        await Jobs.RemindHearingsAsync(CancellationToken.None);
        await Jobs.RemindHearingsAsync(CancellationToken.None);
        Assert.Equal(1, await RemindersAsync(lawyer));
        Assert.Equal(1, await RemindersAsync(worker));
        Assert.Equal(0, await RemindersAsync(otherLawyer));
        var reminder = (await InboxAsync(await SignInAsync(lawyer))).Single(n => (Guid)n["subjectId"]! == hearing);
        Assert.Equal(TestDates.Iso(hearingDate), (string?)reminder["dueOn"]);
        Assert.Equal(caseId, (Guid)reminder["caseId"]!);

        fixture.Clock.Advance(TimeSpan.FromDays(5)); // 2 days left: nothing new
        await Jobs.RemindHearingsAsync(CancellationToken.None);
        Assert.Equal(1, await RemindersAsync(lawyer));

        fixture.Clock.Advance(TimeSpan.FromDays(1)); // 1 day left
        await Jobs.RemindHearingsAsync(CancellationToken.None);
        await Jobs.RemindHearingsAsync(CancellationToken.None);
        fixture.Clock.Advance(TimeSpan.FromDays(2)); // held: nothing more
        await Jobs.RemindHearingsAsync(CancellationToken.None);
        Assert.Equal(2, await RemindersAsync(lawyer));
        Assert.Equal(2, await RemindersAsync(worker));
        Assert.Equal(0, await RemindersAsync(otherLawyer));
    }

    [Fact]
    public async Task A_follow_up_due_and_not_done_reminds_the_assigned_worker_once()
    {
        var (worker, workerId) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var client = await SignInAsync(worker);
        var opened = await (await client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await client.RegisterAsync(Beneficiary("Follow Up Person")), openedOn = fixture.DaysAgo(20), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var caseId = (Guid)opened["id"]!;
        var episode = (Guid)(await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "Reintegration", startDate = fixture.DaysAgo(10) })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        var dueOn = fixture.DaysAhead(3);
        var followUp = (Guid)(await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services/{episode}/follow-ups", new { dueOn, purpose = "Check the new job." })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        var done = (Guid)(await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services/{episode}/follow-ups", new { dueOn, purpose = "Visit the flat." })).ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services/{episode}/follow-ups/{done}/done", new { doneOn = fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.OK);

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await Jobs.RemindFollowUpsAsync(CancellationToken.None);
        Assert.DoesNotContain(await InboxAsync(await SignInAsync(worker)), n => (string?)n["kind"] == "FollowUpDue" && (Guid)n["caseId"]! == caseId);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await Jobs.RemindFollowUpsAsync(CancellationToken.None);
        await Jobs.RemindFollowUpsAsync(CancellationToken.None);
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await Jobs.RemindFollowUpsAsync(CancellationToken.None); // still due the next day: still one reminder
        var reminder = Assert.Single(await InboxAsync(await SignInAsync(worker)), n => (string?)n["kind"] == "FollowUpDue" && (Guid)n["caseId"]! == caseId);
        Assert.Equal(followUp, (Guid)reminder["subjectId"]!);
        Assert.Equal(dueOn, (string?)reminder["dueOn"]);
    }

    [Fact]
    public async Task With_a_mail_server_a_reminder_is_announced_once_by_an_email_that_names_nothing()
    {
        using var smtp = netDumbster.smtp.SimpleSmtpServer.Start();
        await using var mailing = fixture.Host.WithWebHostBuilder(host =>
        {
            host.UseSetting("Smtp:Host", "127.0.0.1");
            host.UseSetting("Smtp:Port", smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            host.UseSetting("Smtp:Security", "None");
            host.UseSetting("Identity:Issuer", "https://cases.example.test/");
        });
        var (worker, workerId) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var sealedAddress = fixture.Services.GetRequiredService<StaffAddresses>().Seal(workerId, "reminded.worker@example.test");
        await fixture.WithUserAsync(workerId, (users, user) =>
        {
            user.SealedEmail = sealedAddress;
            return users.UpdateAsync(user);
        });
        var client = await SignInAsync(worker);
        var name = LogCanaries.Track($"Mailed Person {Guid.NewGuid():N}");
        var caseId = (Guid)(await (await client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await client.RegisterAsync(Beneficiary(name)), openedOn = fixture.DaysAgo(5), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;

        fixture.Clock.Advance(TimeSpan.FromDays(91));
        var jobs = mailing.Services.GetRequiredService<ReminderJobs>();
        await jobs.RemindCaseReviewsAsync(CancellationToken.None);
        await jobs.RemindCaseReviewsAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.ReceivedEmail, m => m.ToAddresses.Single().Address == "reminded.worker@example.test");
        var body = string.Concat(mail.MessageParts.Select(p => p.BodyData));
        Assert.Contains("https://cases.example.test/", body, StringComparison.Ordinal);
        Assert.DoesNotContain(name, body, StringComparison.Ordinal);
        Assert.DoesNotContain(caseId.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(caseId.ToString("N"), body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Each_organisation_is_scanned_apart_and_its_reminders_stay_with_its_own_staff()
    {
        var (workerB, workerBId) = await fixture.CreateUserAsync(fixture.OrganisationB, Roles.SocialWorker);
        var client = await SignInAsync(workerB);
        var caseB = (Guid)(await (await client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await client.RegisterAsync(Beneficiary("Organisation B Person")), openedOn = fixture.DaysAgo(5), assignedWorkerId = workerBId }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;

        fixture.Clock.Advance(TimeSpan.FromDays(91));
        await Jobs.RemindCaseReviewsAsync(CancellationToken.None);
        Assert.Single(await InboxAsync(await SignInAsync(workerB)), n => (Guid)n["caseId"]! == caseB);

        // Every reminder any test made names a case and a recipient of its own organisation.
        var mismatched = await fixture.WithDbAsync(db => (
                from n in db.Notifications.IgnoreQueryFilters()
                join c in db.Cases.IgnoreQueryFilters() on n.CaseId equals c.Id
                join u in db.Users on n.RecipientId equals u.Id
                where n.OrganisationId != c.OrganisationId || u.OrganisationId != n.OrganisationId
                select n.Id).CountAsync());
        Assert.Equal(0, mismatched);
    }

    [Fact]
    public async Task A_closed_or_unassigned_case_asks_nobody_for_a_review()
    {
        var (worker, workerId) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var client = await SignInAsync(worker);
        var unassigned = (Guid)(await client.OpenCaseAsync(await client.RegisterAsync(Beneficiary("Unassigned Person")), fixture.DaysAgo(5)))["id"]!;
        var closed = await (await client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await client.RegisterAsync(Beneficiary("Closed Person")), openedOn = fixture.DaysAgo(5), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"/api/v1/cases/{closed["id"]}/close", new { version = (int)closed["version"]!, reason = "GoalsAchieved", closedOn = fixture.DaysAgo(1) }))
            .ReadObjectAsync(HttpStatusCode.OK);

        fixture.Clock.Advance(TimeSpan.FromDays(120));
        await Jobs.RemindCaseReviewsAsync(CancellationToken.None);
        var inbox = await InboxAsync(await SignInAsync(worker));
        Assert.DoesNotContain(inbox, n => (Guid)n["caseId"]! == unassigned || (Guid)n["caseId"]! == (Guid)closed["id"]!);
    }

    [Fact]
    public async Task Recurring_jobs_are_scheduled_with_no_arguments_and_the_dashboard_is_for_platform_administrators()
    {
        using (var connection = fixture.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var recurring = connection.GetRecurringJobs();
            Assert.Contains(recurring, j => j.Id == "case-review-reminders");
            Assert.Contains(recurring, j => j.Id == "referral-expiry");
            // Job arguments are stored where anyone with the database can read them: ids at most, and these take none.
            Assert.All(recurring, j => Assert.All(j.Job.Args, a => Assert.True(a is null or CancellationToken)));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous().GetAsync("/hangfire")).StatusCode);
        var (worker, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker, Roles.OrganisationAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await CookieAsync(worker)).GetAsync("/hangfire")).StatusCode);
        var (admin, adminId) = await fixture.CreateUserAsync(null, Roles.PlatformAdmin);
        var browser = await CookieAsync(admin);
        var dashboard = await browser.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("CaseManagement jobs", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Its scripts are files, so script-src stays strict; only its badges' inline styles are let through.
        var policy = string.Join(' ', dashboard.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self' 'unsafe-inline';", policy, StringComparison.Ordinal);

        // The cookie is checked against the account on every request: without the role, or disabled, the door closes.
        await fixture.WithUserAsync(adminId, (users, user) => users.RemoveFromRoleAsync(user, Roles.PlatformAdmin));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/hangfire")).StatusCode);
        await fixture.WithUserAsync(adminId, async (users, user) =>
        {
            await users.AddToRoleAsync(user, Roles.PlatformAdmin);
            user.IsDisabled = true;
            return await users.UpdateAsync(user);
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task An_unanswered_referral_expires_when_its_period_runs_out_and_both_sides_are_told()
    {
        var receiver = await fixture.CreateOrganisationAsync("Expiry Receiver " + Guid.NewGuid().ToString("N")[..8]);
        var (worker, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var (senderCoordinator, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.Coordinator);
        var (receiverCoordinator, _) = await fixture.CreateUserAsync(receiver, Roles.Coordinator);
        var sender = await SignInAsync(worker);
        var (_, caseId, consentId) = await ReferralFlow.ReferrableCaseAsync(sender, fixture, receiver, Beneficiary("Expiring Person"), "FullName");
        var id = (Guid)(await ReferralFlow.SendAsync(sender, ReferralFlow.Referral(caseId, receiver, consentId, "Needs a place.", "FullName")))["id"]!;
        var referrals = fixture.Services.GetRequiredService<ReferralJobs>();

        fixture.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(5)); // the default answer period, less five minutes
        await referrals.ExpireReferralsAsync(CancellationToken.None);
        Assert.Equal(ReferralStatus.Pending, await StatusAsync(id));

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await referrals.ExpireReferralsAsync(CancellationToken.None);
        await referrals.ExpireReferralsAsync(CancellationToken.None); // a rerun finds nothing to do
        Assert.Equal(ReferralStatus.Expired, await StatusAsync(id));
        Assert.Null((await fixture.WithDbAsync(db => db.ReferralShares.IgnoreQueryFilters().SingleAsync(s => s.Id == id))).WrappedKey);

        var coordinator = await SignInAsync(receiverCoordinator);
        var received = await (await coordinator.GetAsync($"/api/v1/referrals/received/{id}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(("Expired", "Destroyed"), ((string?)received["status"], (string?)received["sharedAccess"]));
        Assert.Equal("referral.status", (string?)(await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{id}/acceptance", new { openedOn = fixture.DaysAgo(0) }))
            .ProblemAsync(HttpStatusCode.Conflict))["code"]);
        Assert.Single(await InboxAsync(coordinator), n => (string?)n["kind"] == "ReferralExpired" && (Guid)n["subjectId"]! == id);
        Assert.Single(await InboxAsync(await SignInAsync(senderCoordinator)), n => (string?)n["kind"] == "ReferralExpired" && (Guid)n["subjectId"]! == id);

        // The system expired it: both trails say so once, naming the system and no user.
        var entries = await fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityId == id && e.Action == "Expire").ToListAsync());
        Assert.Equal(new[] { fixture.OrganisationA, receiver }.Order(), entries.Select(e => e.OrganisationId).Order());
        Assert.All(entries, e => Assert.Equal((null, "system"), (e.UserId, e.ClientId)));

        // Outside the system's own scope, nobody may run the scan: it is not an operation of any role.
        await using var scope = fixture.Services.CreateAsyncScope();
        await Assert.ThrowsAsync<ForbiddenException>(async () => await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExpireReferralsCommand()));
    }

    private Task<ReferralStatus> StatusAsync(Guid id) => fixture.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    /// <summary>Signs in anew (tokens expire as the clock moves); the clock steps past the last authenticator code first.</summary>
    private async Task<HttpClient> SignInAsync(SignInFlow.StaffCredentials staff)
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        return fixture.WithToken((await SignInFlow.SignInAsync(fixture.Host, staff)).AccessToken);
    }

    /// <summary>A browser holding the site's sign-in cookie, as a person who signed in with a second factor has.</summary>
    private async Task<HttpClient> CookieAsync(SignInFlow.StaffCredentials staff)
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        var browser = SignInFlow.Browser(fixture.Host);
        _ = await SignInFlow.AuthorizationCodeAsync(browser, staff, SignInFlow.DefaultScopes, out _);
        return browser;
    }

    private static async Task<List<JsonObject>> InboxAsync(HttpClient client, bool unreadOnly = false)
    {
        var page = await (await client.GetAsync($"/api/v1/me/notifications?unreadOnly={unreadOnly}")).ReadObjectAsync(HttpStatusCode.OK);
        return [.. page["items"]!.AsArray().Select(n => n!.AsObject())];
    }
}
