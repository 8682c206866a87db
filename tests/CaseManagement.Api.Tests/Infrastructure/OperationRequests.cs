using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Organisations.Commands.CreateOrganisation;
using CaseManagement.Domain.Notifications;
using Mediator;
using OpenIddict.Abstractions;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>
/// A valid request for every operation of the API, on fresh records of organisation A made by its
/// social worker (the assigned worker of each case), so that no call depends on another. Every id
/// it creates is kept, so that answers to other organisations can be searched for them.
/// </summary>
public sealed class OperationRequests(ApiFixture fixture, (HttpClient Client, Guid UserId) owner)
{
    private readonly ConcurrentBag<Guid> _created = [owner.UserId];
    private readonly ConcurrentBag<string> _restricted = [];
    private readonly Lazy<Task<Guid>> _partner = new(() => fixture.CreateOrganisationAsync("Matrix Partner " + Guid.NewGuid().ToString("N")[..8]));

    /// <summary>The ids of every record and member of staff of organisation A these requests made.</summary>
    public IReadOnlyCollection<Guid> CreatedIds => _created;

    /// <summary>The contents of the restricted notes these requests made: only their author may be shown them.</summary>
    public IReadOnlyCollection<string> RestrictedContents => _restricted;

    public Dictionary<string, Func<Task<HttpRequestMessage>>> Operations => new()
    {
        ["POST /api/v1/beneficiaries"] = () => Json(HttpMethod.Post, "/api/v1/beneficiaries", Beneficiary("Matrix Person")),
        ["GET /api/v1/beneficiaries"] = () => Get("/api/v1/beneficiaries"),
        ["GET /api/v1/beneficiaries/{id}"] = async () => await Get($"/api/v1/beneficiaries/{await BeneficiaryAsync()}"),
        ["PUT /api/v1/beneficiaries/{id}"] = async () =>
        {
            var body = Beneficiary("Matrix Person Renamed");
            body["version"] = 0;
            return await Json(HttpMethod.Put, $"/api/v1/beneficiaries/{await BeneficiaryAsync()}", body);
        },
        ["POST /api/v1/beneficiaries/search"] = () => Json(HttpMethod.Post, "/api/v1/beneficiaries/search", new { fullName = "Matrix Person" }),
        ["POST /api/v1/cases"] = async () => await Json(HttpMethod.Post, "/api/v1/cases", new { beneficiaryId = await BeneficiaryAsync(), openedOn = fixture.DaysAgo(400) }),
        ["GET /api/v1/cases"] = () => Get("/api/v1/cases"),
        ["GET /api/v1/cases/{id}"] = async () => await Get($"/api/v1/cases/{(await CaseAsync()).Id}"),
        ["POST /api/v1/cases/{id}/assign"] = async () =>
        {
            var (id, version) = await CaseAsync();
            return await Json(HttpMethod.Post, $"/api/v1/cases/{id}/assign", new { version, workerId = await UserAsync() });
        },
        ["POST /api/v1/cases/{id}/close"] = async () =>
        {
            var (id, version) = await CaseAsync();
            return await Json(HttpMethod.Post, $"/api/v1/cases/{id}/close", new { version, reason = "Other", closedOn = fixture.DaysAgo(373) });
        },
        ["POST /api/v1/cases/{id}/reopen"] = async () =>
        {
            var (id, version) = await CaseAsync();
            var closed = await (await owner.Client.PostJsonAsync($"/api/v1/cases/{id}/close", new { version, reason = "Other", closedOn = fixture.DaysAgo(373) })).ReadObjectAsync(HttpStatusCode.OK);
            return await Json(HttpMethod.Post, $"/api/v1/cases/{id}/reopen", new { version = (int)closed["version"]! });
        },
        ["POST /api/v1/cases/{id}/counsellors"] = async () => await Json(HttpMethod.Post, $"/api/v1/cases/{(await CaseAsync()).Id}/counsellors", new { userId = await UserAsync() }),
        ["GET /api/v1/case-workers"] = async () => await Get("/api/v1/case-workers"),
        ["GET /api/v1/cases/{id}/counsellors"] = async () => await Get($"/api/v1/cases/{(await DesignatedAsync()).CaseId}/counsellors"),
        ["DELETE /api/v1/cases/{id}/counsellors/{userId}"] = async () =>
        {
            var (caseId, counsellor) = await DesignatedAsync();
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/cases/{caseId}/counsellors/{counsellor}");
        },
        ["POST /api/v1/cases/{caseId}/services"] = async () => await Json(HttpMethod.Post, $"/api/v1/cases/{(await CaseAsync()).Id}/services", new { type = "Counselling", startDate = fixture.DaysAgo(399) }),
        ["GET /api/v1/cases/{caseId}/services"] = async () => await Get($"/api/v1/cases/{(await CaseAsync()).Id}/services"),
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/end"] = async () =>
        {
            var (id, _) = await CaseAsync();
            var episode = await (await owner.Client.PostJsonAsync($"/api/v1/cases/{id}/services", new { type = "Residential", startDate = fixture.DaysAgo(399) })).ReadObjectAsync(HttpStatusCode.Created);
            return await Json(HttpMethod.Post, $"/api/v1/cases/{id}/services/{(Guid)episode["id"]!}/end", new { endDate = fixture.DaysAgo(385) });
        },
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/goals"] = async () =>
            await Json(HttpMethod.Post, $"{await EpisodePathAsync("Reintegration")}/goals", new { area = "Housing", description = "Find a rented room near the workplace.", targetDate = fixture.DaysAhead(60) }),
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/goals/{goalId}/status"] = async () =>
        {
            var episode = await EpisodePathAsync("Reintegration");
            var goal = await CreatedAsync($"{episode}/goals", new { area = "Employment", description = "Hold a job for six months." });
            return await Json(HttpMethod.Post, $"{episode}/goals/{goal}/status", new { status = "InProgress", date = fixture.DaysAgo(1) });
        },
        ["GET /api/v1/cases/{caseId}/services/{episodeId}/goals"] = async () => await Get($"{await EpisodePathAsync("Reintegration")}/goals"),
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/labour-steps"] = async () =>
            await Json(HttpMethod.Post, $"{await EpisodePathAsync("Reintegration")}/labour-steps", new { kind = "JobPlacement", date = fixture.DaysAgo(5), title = "Kitchen assistant", employerName = "Matrix Bistro SRL" }),
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/labour-steps/{stepId}/outcome"] = async () =>
        {
            var episode = await EpisodePathAsync("Reintegration");
            var step = await CreatedAsync($"{episode}/labour-steps", new { kind = "JobPlacement", date = fixture.DaysAgo(5), title = "Kitchen assistant", employerName = "Matrix Bistro SRL" });
            return await Json(HttpMethod.Post, $"{episode}/labour-steps/{step}/outcome", new { outcome = "StillEmployed", date = fixture.DaysAgo(1) });
        },
        ["GET /api/v1/cases/{caseId}/services/{episodeId}/labour-steps"] = async () => await Get($"{await EpisodePathAsync("Reintegration")}/labour-steps"),
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/follow-ups"] = async () =>
            await Json(HttpMethod.Post, $"{await EpisodePathAsync("Reintegration")}/follow-ups", new { dueOn = fixture.DaysAhead(30), purpose = "Check the placement still holds." }),
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/follow-ups/{followUpId}/done"] = async () =>
        {
            var episode = await EpisodePathAsync("Reintegration");
            var followUp = await CreatedAsync($"{episode}/follow-ups", new { dueOn = fixture.DaysAhead(1) });
            return await Json(HttpMethod.Post, $"{episode}/follow-ups/{followUp}/done", new { doneOn = fixture.DaysAgo(0), note = "Met at the office; all well." });
        },
        ["GET /api/v1/cases/{caseId}/services/{episodeId}/follow-ups"] = async () => await Get($"{await EpisodePathAsync("Reintegration")}/follow-ups"),
        ["PUT /api/v1/cases/{caseId}/services/{episodeId}/counselling"] = async () => await Json(HttpMethod.Put, $"{await EpisodePathAsync("Counselling")}/counselling", new { kind = "Vocational" }),
        ["GET /api/v1/cases/{caseId}/services/{episodeId}/counselling"] = async () => await Get($"{await CounsellingAsync()}/counselling"),
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/sessions"] = async () =>
            await Json(HttpMethod.Post, $"{await CounsellingAsync()}/sessions", new { date = fixture.DaysAgo(1), durationMinutes = 50, counsellorId = owner.UserId, note = "Matrix session note." }),
        ["GET /api/v1/cases/{caseId}/services/{episodeId}/sessions"] = async () =>
        {
            var episode = await CounsellingAsync();
            var restricted = $"Restricted session note {Guid.NewGuid():N}";
            _restricted.Add(restricted);
            await CreatedAsync($"{episode}/sessions", new { date = fixture.DaysAgo(1), durationMinutes = 50, counsellorId = owner.UserId, note = restricted });
            return await Get($"{episode}/sessions");
        },
        ["POST /api/v1/cases/{caseId}/notes"] = async () => await Json(HttpMethod.Post, $"/api/v1/cases/{(await CaseAsync()).Id}/notes", new { sensitivity = "Ordinary", content = "Matrix note." }),
        ["GET /api/v1/cases/{caseId}/notes"] = async () =>
        {
            var (id, _) = await CaseAsync();
            var restricted = $"Restricted note {Guid.NewGuid():N}";
            _restricted.Add(restricted);
            await (await owner.Client.PostJsonAsync($"/api/v1/cases/{id}/notes", new { sensitivity = "Restricted", content = restricted })).ReadObjectAsync(HttpStatusCode.Created);
            return await Get($"/api/v1/cases/{id}/notes");
        },
        ["GET /api/v1/cases/{caseId}/access-log"] = async () => await Get($"/api/v1/cases/{(await CaseAsync()).Id}/access-log"),
        ["GET /api/v1/audit/verify"] = () => Get("/api/v1/audit/verify"),
        ["GET /api/v1/admin/users"] = () => Get("/api/v1/admin/users"),
        ["GET /api/v1/admin/retention"] = () => Get("/api/v1/admin/retention"),
        // A century: no record any test makes is ever past it, whenever the retention job runs.
        ["PUT /api/v1/admin/retention"] = () => Json(HttpMethod.Put, "/api/v1/admin/retention", new { yearsAfterClosure = 100 }),
        ["PUT /api/v1/admin/beneficiaries/{id}/legal-hold"] = async () =>
            await Json(HttpMethod.Put, $"/api/v1/admin/beneficiaries/{await BeneficiaryAsync()}/legal-hold", new { reason = "CriminalProcedure" }),
        ["DELETE /api/v1/admin/beneficiaries/{id}/legal-hold"] = async () =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/admin/beneficiaries/{await BeneficiaryAsync()}/legal-hold"),
        ["POST /api/v1/admin/beneficiaries/{id}/erasure"] = async () =>
            await Json(HttpMethod.Post, $"/api/v1/admin/beneficiaries/{await BeneficiaryAsync()}/erasure", new { basis = "NoLongerNecessary" }),
        ["GET /api/v1/admin/beneficiaries/{id}/retention"] = async () => await Get($"/api/v1/admin/beneficiaries/{await BeneficiaryAsync()}/retention"),
        ["GET /api/v1/admin/beneficiaries/{id}/export"] = async () => await Get($"/api/v1/admin/beneficiaries/{await BeneficiaryAsync()}/export"),
        ["POST /api/v1/admin/users"] = () => Json(HttpMethod.Post, "/api/v1/admin/users", new { userName = Unique("staff"), roles = new[] { Roles.SocialWorker } }),
        ["PUT /api/v1/admin/users/{userId}/roles"] = async () => await Json(HttpMethod.Put, $"/api/v1/admin/users/{await UserAsync()}/roles", new { roles = new[] { Roles.Coordinator } }),
        ["POST /api/v1/admin/users/{userId}/disable"] = async () => await Json(HttpMethod.Post, $"/api/v1/admin/users/{await UserAsync()}/disable", new { }),
        ["POST /api/v1/admin/users/{userId}/invitation"] = async () => await Json(HttpMethod.Post, $"/api/v1/admin/users/{await UserAsync()}/invitation", new { email = (string?)null }),
        ["GET /api/v1/platform/users"] = () => Get("/api/v1/platform/users"),
        ["POST /api/v1/platform/users"] = () => Json(HttpMethod.Post, "/api/v1/platform/users", new { userName = Unique("secretariat"), roles = new[] { Roles.Secretariat } }),
        ["POST /api/v1/platform/users/{userId}/invitation"] = async () =>
            await Json(HttpMethod.Post, $"/api/v1/platform/users/{(await fixture.CreateUserAsync(null, Roles.Secretariat)).Id}/invitation", new { email = (string?)null }),
        ["GET /api/v1/platform/organisations"] = () => Get("/api/v1/platform/organisations"),
        ["GET /api/v1/platform/clients"] = () => Get("/api/v1/platform/clients"),
        ["POST /api/v1/platform/organisations"] = () => Json(HttpMethod.Post, "/api/v1/platform/organisations", new { name = Unique("Asociatia"), adminUserName = Unique("admin") }),
        ["POST /api/v1/platform/organisations/{organisationId}/disable"] = async () => await Json(HttpMethod.Post, $"/api/v1/platform/organisations/{await OrganisationAsync()}/disable", new { }),
        ["POST /api/v1/platform/clients"] = () =>
        {
            using var key = MachineClientKey.EcP256();
            return Json(HttpMethod.Post, "/api/v1/platform/clients", new { displayName = "Statistics", scopes = new[] { "stats.read" }, publicKey = key.PublicKeyPem });
        },
        ["DELETE /api/v1/platform/clients/{clientId}"] = async () =>
        {
            using var key = MachineClientKey.EcP256();
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/platform/clients/{(await MachineClients.RegisterAsync(fixture, key, "Matrix client")).ClientId}");
        },
        ["POST /api/v1/admin/users/{userId}/enable"] = async () => await Json(HttpMethod.Post, $"/api/v1/admin/users/{await UserAsync()}/enable", new { }),
        ["POST /api/v1/admin/users/{userId}/sessions/revoke"] = async () => await Json(HttpMethod.Post, $"/api/v1/admin/users/{await UserAsync()}/sessions/revoke", new { }),
        ["GET /api/v1/me/sessions"] = () => Get("/api/v1/me/sessions"),
        ["DELETE /api/v1/me/sessions/{sessionId}"] = async () => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/me/sessions/{await SessionAsync()}"),
        ["POST /api/v1/platform/organisations/{organisationId}/admins/{userId}/invitation"] = async () =>
        {
            var created = await NewOrganisationAsync();
            return await Json(HttpMethod.Post, $"/api/v1/platform/organisations/{created.Id}/admins/{created.Admin.Id}/invitation", new { email = (string?)null });
        },
        ["GET /api/v1/cases/{id}/timeline"] = async () =>
        {
            var (id, _) = await CaseAsync();
            var restricted = $"Restricted timeline note {Guid.NewGuid():N}";
            _restricted.Add(restricted);
            await (await owner.Client.PostJsonAsync($"/api/v1/cases/{id}/notes", new { sensitivity = "Restricted", content = restricted })).ReadObjectAsync(HttpStatusCode.Created);
            return await Get($"/api/v1/cases/{id}/timeline");
        },
        ["GET /api/v1/me/caseload"] = () => Get("/api/v1/me/caseload?days=30"),
        ["GET /api/v1/me/notifications"] = () => Get("/api/v1/me/notifications?unreadOnly=true"),
        ["POST /api/v1/me/notifications/{notificationId}/read"] = async () => await Json(HttpMethod.Post, $"/api/v1/me/notifications/{await NotificationAsync()}/read", new { }),
        ["POST /api/v1/cases/{caseId}/legal-cases"] = async () => await Json(HttpMethod.Post, $"/api/v1/cases/{(await CaseAsync()).Id}/legal-cases", NewLegalCase(fixture.DaysAgo(30))),
        ["GET /api/v1/cases/{caseId}/legal-summary"] = async () => await Get($"/api/v1/cases/{(await LegalCaseAsync()).CaseId}/legal-summary"),
        ["GET /api/v1/legal-cases"] = async () =>
        {
            await LegalCaseAsync();
            return await Get("/api/v1/legal-cases");
        },
        ["GET /api/v1/legal-cases/offence-categories"] = () => Get("/api/v1/legal-cases/offence-categories"),
        ["GET /api/v1/legal-cases/{id}"] = async () => await Get($"/api/v1/legal-cases/{(await LegalCaseAsync()).Id}"),
        ["PUT /api/v1/legal-cases/{id}"] = async () =>
        {
            var (id, _, version) = await LegalCaseAsync();
            var body = LegalCaseDetails();
            body["version"] = version;
            body["assignedLawyerId"] = (await LawyerAsync()).UserId;
            return await Json(HttpMethod.Put, $"/api/v1/legal-cases/{id}", body);
        },
        ["POST /api/v1/legal-cases/{id}/stage"] = async () =>
            await Json(HttpMethod.Post, $"/api/v1/legal-cases/{(await LegalCaseAsync()).Id}/stage", new { stage = "CriminalInvestigation", date = fixture.DaysAgo(5) }),
        ["POST /api/v1/legal-cases/{id}/hearings"] = async () =>
            await Json(HttpMethod.Post, $"/api/v1/legal-cases/{(await LegalCaseAsync()).Id}/hearings", new { scheduledAt = HearingTime(20), court = "Tribunalul Matrix, sala 2", purpose = "Audierea victimei." }),
        ["GET /api/v1/legal-cases/{id}/hearings"] = async () =>
        {
            var (id, _, _) = await LegalCaseAsync();
            await HearingAsync(id, HearingTime(20));
            return await Get($"/api/v1/legal-cases/{id}/hearings");
        },
        ["POST /api/v1/legal-cases/{id}/hearings/{hearingId}/outcome"] = async () =>
        {
            var (id, _, _) = await LegalCaseAsync();
            var hearing = await HearingAsync(id, HearingTime(-2));
            return await Json(HttpMethod.Post, $"/api/v1/legal-cases/{id}/hearings/{hearing}/outcome", new { outcome = "Amânat pentru lipsă de procedură.", nextScheduledAt = HearingTime(30) });
        },
        ["POST /api/v1/legal-cases/{id}/notes"] = async () =>
            await Json(HttpMethod.Post, $"/api/v1/legal-cases/{(await LegalCaseAsync()).Id}/notes", new { content = "Matrix privileged note." }),
        ["GET /api/v1/legal-cases/{id}/notes"] = async () =>
        {
            var (id, _, _) = await LegalCaseAsync();
            await (await (await LawyerAsync()).Client.PostJsonAsync($"/api/v1/legal-cases/{id}/notes", new { content = "Matrix privileged note." })).ReadObjectAsync(HttpStatusCode.Created);
            return await Get($"/api/v1/legal-cases/{id}/notes");
        },
        ["POST /api/v1/platform/organisations/{organisationId}/enable"] = async () => await Json(HttpMethod.Post, $"/api/v1/platform/organisations/{await OrganisationAsync()}/enable", new { }),
        ["POST /api/v1/facilities"] = () => Json(HttpMethod.Post, "/api/v1/facilities", new { name = Unique("Matrix Shelter"), places = 10, address = "Strada Matrix 1" }),
        ["PUT /api/v1/facilities/{id}"] = async () =>
        {
            var (id, version) = await FacilityAsync();
            return await Json(HttpMethod.Put, $"/api/v1/facilities/{id}", new { version, name = Unique("Matrix Shelter"), places = 6, active = true, address = "Strada Matrix 2" });
        },
        ["GET /api/v1/facilities"] = () => Get("/api/v1/facilities"),
        ["GET /api/v1/facilities/occupancy"] = () => Get("/api/v1/facilities/occupancy"),
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/admission"] = async () =>
        {
            var (caseId, episodeId) = await EpisodeAsync("Residential");
            return await Json(HttpMethod.Post, $"/api/v1/cases/{caseId}/services/{episodeId}/admission", new { facilityId = (await FacilityAsync()).Id, admittedOn = fixture.DaysAgo(20) });
        },
        ["GET /api/v1/cases/{caseId}/services/{episodeId}/admission"] = async () =>
        {
            var (caseId, episodeId) = await AdmittedAsync();
            return await Get($"/api/v1/cases/{caseId}/services/{episodeId}/admission");
        },
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/discharge"] = async () =>
        {
            var (caseId, episodeId) = await AdmittedAsync();
            return await Json(HttpMethod.Post, $"/api/v1/cases/{caseId}/services/{episodeId}/discharge", new { dischargedOn = fixture.DaysAgo(5) });
        },
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/attendance"] = async () =>
        {
            var (caseId, episodeId) = await EpisodeAsync("DayCentre");
            return await Json(HttpMethod.Post, $"/api/v1/cases/{caseId}/services/{episodeId}/attendance", new { date = fixture.DaysAgo(3), activity = "Education" });
        },
        ["GET /api/v1/cases/{caseId}/services/{episodeId}/attendance"] = async () =>
        {
            var (caseId, episodeId) = await EpisodeAsync("DayCentre");
            await (await owner.Client.PostJsonAsync($"/api/v1/cases/{caseId}/services/{episodeId}/attendance", new { date = fixture.DaysAgo(3), activity = "Meals" })).ReadObjectAsync(HttpStatusCode.Created);
            return await Get($"/api/v1/cases/{caseId}/services/{episodeId}/attendance");
        },
        ["PUT /api/v1/cases/{caseId}/services/{episodeId}/repatriation"] = async () =>
        {
            var (caseId, episodeId) = await EpisodeAsync("Repatriation");
            return await Json(HttpMethod.Put, $"/api/v1/cases/{caseId}/services/{episodeId}/repatriation", Repatriation());
        },
        ["POST /api/v1/cases/{caseId}/services/{episodeId}/repatriation/status"] = async () =>
        {
            var (caseId, episodeId) = await RepatriationAsync();
            return await Json(HttpMethod.Post, $"/api/v1/cases/{caseId}/services/{episodeId}/repatriation/status", new { status = "DocumentsInProgress", date = fixture.DaysAgo(2) });
        },
        ["GET /api/v1/cases/{caseId}/services/{episodeId}/repatriation"] = async () =>
        {
            var (caseId, episodeId) = await RepatriationAsync();
            return await Get($"/api/v1/cases/{caseId}/services/{episodeId}/repatriation");
        },
        ["POST /api/v1/activities/campaigns"] = () => Json(HttpMethod.Post, "/api/v1/activities/campaigns", Campaign()),
        ["GET /api/v1/activities/campaigns"] = async () =>
        {
            await CoordinatorCreatedAsync("/api/v1/activities/campaigns", Campaign());
            return await Get("/api/v1/activities/campaigns");
        },
        ["POST /api/v1/activities/trainings"] = () => Json(HttpMethod.Post, "/api/v1/activities/trainings", Training()),
        ["GET /api/v1/activities/trainings"] = async () =>
        {
            await CoordinatorCreatedAsync("/api/v1/activities/trainings", Training());
            return await Get("/api/v1/activities/trainings");
        },
        ["GET /api/v1/figures/{period}"] = () => Get($"/api/v1/figures/{fixture.DaysAgo(0)[..7]}"),
        ["GET /api/v1/statistics/releases/{period}"] = () => Get($"/api/v1/statistics/releases/{fixture.DaysAgo(400)[..4]}?format=csv"),
        ["GET /api/v1/statistics/ledger"] = () => Get("/api/v1/statistics/ledger"),
        ["POST /api/v1/beneficiaries/{beneficiaryId}/consents"] = async () =>
            await Json(HttpMethod.Post, $"/api/v1/beneficiaries/{await BeneficiaryAsync()}/consents", ReferralFlow.Consent(await PartnerAsync(), fixture.DaysAgo(1), "FullName")),
        ["GET /api/v1/beneficiaries/{beneficiaryId}/consents"] = async () => await Get($"/api/v1/beneficiaries/{(await ConsentedCaseAsync()).BeneficiaryId}/consents"),
        ["GET /api/v1/beneficiaries/{beneficiaryId}/consents/{consentId}"] = async () =>
        {
            var (beneficiaryId, _, consentId) = await ConsentedCaseAsync();
            return await Get($"/api/v1/beneficiaries/{beneficiaryId}/consents/{consentId}");
        },
        ["PUT /api/v1/beneficiaries/{beneficiaryId}/consents/{consentId}"] = async () =>
        {
            var (beneficiaryId, _, consentId) = await ConsentedCaseAsync();
            return await Json(HttpMethod.Put, $"/api/v1/beneficiaries/{beneficiaryId}/consents/{consentId}",
                new JsonObject { ["number"] = 1, ["terms"] = ReferralFlow.Consent(await PartnerAsync(), fixture.DaysAgo(1), "FullName", "DateOfBirth") });
        },
        ["POST /api/v1/beneficiaries/{beneficiaryId}/consents/{consentId}/withdrawal"] = async () =>
        {
            var (beneficiaryId, _, consentId) = await ConsentedCaseAsync();
            return await Json(HttpMethod.Post, $"/api/v1/beneficiaries/{beneficiaryId}/consents/{consentId}/withdrawal", new { number = 1, withdrawnOn = fixture.DaysAgo(0) });
        },
        ["POST /api/v1/referrals"] = async () =>
        {
            var (_, caseId, consentId) = await ConsentedCaseAsync();
            return ReferralFlow.Post(ReferralFlow.Referral(caseId, await PartnerAsync(), consentId, "Matrix reason.", "FullName"), ReferralFlow.NewKey());
        },
        ["GET /api/v1/referrals/recipients"] = () => Get("/api/v1/referrals/recipients"),
        ["GET /api/v1/referrals/dashboard"] = async () =>
        {
            await SentReferralAsync();
            await IncomingReferralAsync(accept: false);
            return await Get("/api/v1/referrals/dashboard");
        },
        ["GET /api/v1/referrals/sent"] = async () =>
        {
            await SentReferralAsync();
            return await Get("/api/v1/referrals/sent");
        },
        ["GET /api/v1/referrals/sent/{id}"] = async () => await Get($"/api/v1/referrals/sent/{await SentReferralAsync()}"),
        ["POST /api/v1/referrals/sent/{id}/withdrawal"] = async () => await Json(HttpMethod.Post, $"/api/v1/referrals/sent/{await SentReferralAsync()}/withdrawal", new { }),
        ["GET /api/v1/referrals/received"] = async () =>
        {
            await IncomingReferralAsync(accept: false);
            return await Get("/api/v1/referrals/received");
        },
        ["GET /api/v1/referrals/received/{id}"] = async () => await Get($"/api/v1/referrals/received/{await IncomingReferralAsync(accept: true)}"),
        ["POST /api/v1/referrals/received/{id}/acceptance"] = async () =>
            await Json(HttpMethod.Post, $"/api/v1/referrals/received/{await IncomingReferralAsync(accept: false)}/acceptance", new { openedOn = fixture.DaysAgo(0) }),
        ["POST /api/v1/referrals/received/{id}/decline"] = async () =>
            await Json(HttpMethod.Post, $"/api/v1/referrals/received/{await IncomingReferralAsync(accept: false)}/decline", new { reason = "NoCapacity" }),
        ["POST /api/v1/referrals/received/{id}/completion"] = async () =>
            await Json(HttpMethod.Post, $"/api/v1/referrals/received/{await IncomingReferralAsync(accept: true)}/completion", new { }),
        ["POST /api/v1/referrals/received/{id}/updates"] = async () =>
            await Json(HttpMethod.Post, $"/api/v1/referrals/received/{await IncomingReferralAsync(accept: true)}/updates", new { kind = "ServiceStarted", service = "Residential", on = fixture.DaysAgo(0) }),
        ["POST /api/v1/referrals/received/{id}/link"] = async () =>
        {
            var referral = await IncomingReferralAsync(accept: true);
            return await Json(HttpMethod.Post, $"/api/v1/referrals/received/{referral}/link", new { beneficiaryId = await BeneficiaryAsync() });
        },
    };

    private static Task<HttpRequestMessage> Get(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path));

    private static Task<HttpRequestMessage> Json(HttpMethod method, string path, object body) =>
        Task.FromResult(new HttpRequestMessage(method, path) { Content = Body(JsonSerializer.Serialize(body, ApiCalls.Json)) });

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private async Task<Guid> BeneficiaryAsync() => Keep(await owner.Client.RegisterAsync(Beneficiary("Matrix Person")));

    /// <summary>A case assigned to the social worker, so that the access log is theirs to read.</summary>
    private async Task<(Guid Id, int Version)> CaseAsync()
    {
        var opened = await (await owner.Client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await BeneficiaryAsync(), openedOn = fixture.DaysAgo(400), assignedWorkerId = owner.UserId }))
            .ReadObjectAsync(HttpStatusCode.Created);
        return (Keep((Guid)opened["id"]!), (int)opened["version"]!);
    }

    /// <summary>The path of a new ongoing episode of <paramref name="type"/> on a new case of the social worker's.</summary>
    /// <summary>The path of a new episode of <paramref name="type"/>, under which its details live.</summary>
    private async Task<string> EpisodePathAsync(string type)
    {
        var (caseId, episodeId) = await EpisodeAsync(type);
        return $"/api/v1/cases/{caseId}/services/{episodeId}";
    }

    /// <summary>A counselling episode whose kind is set, so that it takes sessions.</summary>
    private async Task<string> CounsellingAsync()
    {
        var episode = await EpisodePathAsync("Counselling");
        (await owner.Client.PutAsJsonAsync($"{episode}/counselling", new { kind = "Psychological" }, ApiCalls.Json)).EnsureSuccessStatusCode();
        return episode;
    }

    /// <summary>Creates a record as the social worker and keeps its id.</summary>
    private async Task<Guid> CreatedAsync(string path, object body) =>
        Keep((Guid)(await (await owner.Client.PostJsonAsync(path, body)).ReadObjectAsync(HttpStatusCode.Created))["id"]!);
    /// <summary>Organisation A's lawyer (the matrix's <c>lawyer</c>), who makes the legal records.</summary>
    private Task<(HttpClient Client, Guid UserId)> LawyerAsync() => fixture.ActorAsync(fixture.OrganisationA, Roles.Lawyer);



    /// <summary>A legal case opened by the lawyer on a new case of the social worker's.</summary>
    private async Task<(Guid Id, Guid CaseId, int Version)> LegalCaseAsync()
    {
        var (caseId, _) = await CaseAsync();
        var opened = await (await (await LawyerAsync()).Client.PostJsonAsync($"/api/v1/cases/{caseId}/legal-cases", NewLegalCase(fixture.DaysAgo(30)))).ReadObjectAsync(HttpStatusCode.Created);
        return (Keep((Guid)opened["id"]!), caseId, (int)opened["version"]!);
    }

    private async Task<Guid> HearingAsync(Guid legalCaseId, string scheduledAt)
    {
        var hearing = await (await (await LawyerAsync()).Client.PostJsonAsync($"/api/v1/legal-cases/{legalCaseId}/hearings", new { scheduledAt, court = "Tribunalul Matrix" }))
            .ReadObjectAsync(HttpStatusCode.Created);
        return Keep((Guid)hearing["id"]!);
    }

    /// <summary>
    /// One request for <paramref name="operation"/>, made once and copied at each call: for calls that
    /// must be refused, which change nothing, so that each need not make its own records first (most
    /// of the matrix's and the contract probe's time). A refusal that wrongly went through fails on its
    /// status before a later copy could see what it changed.
    /// </summary>
    public async Task<Func<HttpRequestMessage>> PreparedAsync(string operation)
    {
        using var template = await Operations[operation]();
        var body = template.Content is null ? null : await template.Content.ReadAsByteArrayAsync();
        var contentHeaders = template.Content?.Headers.ToList() ?? [];
        var headers = template.Headers.ToList();
        return () =>
        {
            var copy = new HttpRequestMessage(template.Method, template.RequestUri);
            foreach (var (name, values) in headers)
            {
                copy.Headers.TryAddWithoutValidation(name, values);
            }

            if (body is not null)
            {
                copy.Content = new ByteArrayContent(body);
                foreach (var (name, values) in contentHeaders)
                {
                    copy.Content.Headers.TryAddWithoutValidation(name, values);
                }
            }

            return copy;
        };
    }

    /// <summary>10:00 UTC, <paramref name="days"/> days from the host's today (negative: in the past).</summary>
    private string HearingTime(int days) => (days < 0 ? fixture.DaysAgo(-days) : fixture.DaysAhead(days)) + "T10:00:00Z";

    /// <summary>A case of the social worker's, with a colleague designated as its counsellor.</summary>
    private async Task<(Guid CaseId, Guid Counsellor)> DesignatedAsync()
    {
        var (caseId, _) = await CaseAsync();
        var counsellor = await UserAsync();
        var designated = await owner.Client.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = counsellor });
        Assert.Equal(HttpStatusCode.NoContent, designated.StatusCode);
        return (caseId, counsellor);
    }

    /// <summary>An ongoing episode of <paramref name="type"/> on a fresh case of the social worker's.</summary>
    private async Task<(Guid CaseId, Guid EpisodeId)> EpisodeAsync(string type)
    {
        var (caseId, _) = await CaseAsync();
        var episode = await (await owner.Client.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type, startDate = fixture.DaysAgo(30) })).ReadObjectAsync(HttpStatusCode.Created);
        return (caseId, Keep((Guid)episode["id"]!));
    }

    /// <summary>A facility of organisation A with free places, made by its coordinator.</summary>
    private async Task<(Guid Id, int Version)> FacilityAsync()
    {
        var coordinator = await fixture.ClientAsync(fixture.OrganisationA, Roles.Coordinator);
        var created = await (await coordinator.PostJsonAsync("/api/v1/facilities", new { name = Unique("Matrix Shelter"), places = 5 })).ReadObjectAsync(HttpStatusCode.Created);
        return (Keep((Guid)created["id"]!), (int)created["version"]!);
    }

    /// <summary>A residential episode whose beneficiary is admitted to a facility.</summary>
    private async Task<(Guid CaseId, Guid EpisodeId)> AdmittedAsync()
    {
        var (caseId, episodeId) = await EpisodeAsync("Residential");
        var admitted = await (await owner.Client.PostJsonAsync($"/api/v1/cases/{caseId}/services/{episodeId}/admission", new { facilityId = (await FacilityAsync()).Id, admittedOn = fixture.DaysAgo(20) }))
            .ReadObjectAsync(HttpStatusCode.Created);
        Keep((Guid)admitted["id"]!);
        return (caseId, episodeId);
    }

    private object Repatriation() => new
    {
        fromCountry = "IT",
        toCountry = "RO",
        partnerKind = "Embassy",
        partnerName = "Matrix Embassy",
        partnerContact = "+40 21 000 0000",
        plannedTravelOn = fixture.DaysAhead(10),
    };

    /// <summary>A repatriation episode with its route recorded (status Requested).</summary>
    private async Task<(Guid CaseId, Guid EpisodeId)> RepatriationAsync()
    {
        var (caseId, episodeId) = await EpisodeAsync("Repatriation");
        var saved = await (await owner.Client.PutAsync($"/api/v1/cases/{caseId}/services/{episodeId}/repatriation", Body(JsonSerializer.Serialize(Repatriation(), ApiCalls.Json))))
            .ReadObjectAsync(HttpStatusCode.OK);
        Keep((Guid)saved["id"]!);
        return (caseId, episodeId);
    }

    private Guid Keep(Guid id)
    {
        _created.Add(id);
        return id;
    }

    private async Task<Guid> UserAsync() => Keep((await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker)).Id);

    /// <summary>A session of the social worker's other than the one their token belongs to (as a second sign-in would make).</summary>
    /// <summary>A case-review reminder for the social worker, as the job writes one.</summary>
    private async Task<Guid> NotificationAsync()
    {
        var (caseId, _) = await CaseAsync();
        var reminder = new Notification(Guid.CreateVersion7(), fixture.OrganisationA, owner.UserId, NotificationKind.CaseReview, $"matrix:{Guid.NewGuid():N}", caseId, caseId, fixture.Today(), DateTimeOffset.UtcNow);
        await fixture.WithDbAsync(async db =>
        {
            db.Notifications.Add(reminder);
            return await db.SaveChangesAsync();
        });
        return Keep(reminder.Id);
    }

    private async Task<Guid> SessionAsync() => Keep(await NewSessionAsync(fixture, owner.UserId));

    public static async Task<Guid> NewSessionAsync(ApiFixture fixture, Guid userId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
        var client = await applications.FindByClientIdAsync(SignInFlow.ClientId);
        var session = await authorizations.CreateAsync(new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = await applications.GetIdAsync(client!),
            CreationDate = DateTimeOffset.UtcNow,
            Status = OpenIddictConstants.Statuses.Valid,
            Subject = userId.ToString(),
            Type = OpenIddictConstants.AuthorizationTypes.AdHoc,
        });
        return Guid.Parse((await authorizations.GetIdAsync(session))!);
    }

    private async Task<Guid> OrganisationAsync() => (await NewOrganisationAsync()).Id;

    /// <summary>Another organisation, whose first administrator has not accepted their invitation yet.</summary>
    private async Task<CreatedOrganisation> NewOrganisationAsync()
    {
        await using var scope = fixture.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(null);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateOrganisationCommand(Unique("Fundatia"), Unique("admin")));
    }

    /// <summary>The member organisation organisation A refers to and hears from in these requests; made once.</summary>
    private Task<Guid> PartnerAsync() => _partner.Value;

    /// <summary>A case of the social worker's whose beneficiary consented to a referral to the partner (full name included).</summary>
    private async Task<(Guid BeneficiaryId, Guid CaseId, Guid ConsentId)> ConsentedCaseAsync()
    {
        var (caseId, _) = await CaseAsync();
        var beneficiaryId = (Guid)(await (await owner.Client.GetAsync($"/api/v1/cases/{caseId}")).ReadObjectAsync(HttpStatusCode.OK))["beneficiaryId"]!;
        var consent = await (await owner.Client.PostAsync($"/api/v1/beneficiaries/{beneficiaryId}/consents", Body(ReferralFlow.Consent(await PartnerAsync(), fixture.DaysAgo(1), "FullName"))))
            .ReadObjectAsync(HttpStatusCode.Created);
        return (beneficiaryId, caseId, Keep((Guid)consent["consentId"]!));
    }

    /// <summary>A pending referral from organisation A to the partner, made by the social worker.</summary>
    private async Task<Guid> SentReferralAsync()
    {
        var (_, caseId, consentId) = await ConsentedCaseAsync();
        var sent = await ReferralFlow.SendAsync(owner.Client, ReferralFlow.Referral(caseId, await PartnerAsync(), consentId, "Matrix reason.", "FullName"));
        return Keep((Guid)sent["id"]!);
    }

    /// <summary>A referral from the partner to organisation A; accepted by A's coordinator when asked, so that A has a case on it.</summary>
    private async Task<Guid> IncomingReferralAsync(bool accept)
    {
        var partner = await fixture.ClientAsync(await PartnerAsync(), Roles.SocialWorker);
        var (_, caseId, consentId) = await ReferralFlow.ReferrableCaseAsync(partner, fixture, fixture.OrganisationA, Beneficiary("Matrix Referred Person"), "FullName");
        var id = Keep((Guid)(await ReferralFlow.SendAsync(partner, ReferralFlow.Referral(caseId, fixture.OrganisationA, consentId, "Matrix incoming reason.", "FullName")))["id"]!);
        if (accept)
        {
            var coordinator = await fixture.ClientAsync(fixture.OrganisationA, Roles.Coordinator);
            var accepted = await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{id}/acceptance", new { openedOn = fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.OK);
            Keep((Guid)accepted["caseId"]!);
            Keep((Guid)accepted["beneficiaryId"]!);
        }

        return id;
    }

    private object Campaign() => new { name = "Matrix campaign", startsOn = fixture.DaysAgo(60), endsOn = fixture.DaysAgo(30), channel = "School", peopleReached = 420 };

    private object Training() => new { date = fixture.DaysAgo(7), topic = "Matrix training", participants = new[] { new { category = "Teachers", count = 12 } } };

    /// <summary>A record of organisation A's coordinator (activities are theirs to keep), its id kept.</summary>
    private async Task CoordinatorCreatedAsync(string path, object body)
    {
        var coordinator = await fixture.ClientAsync(fixture.OrganisationA, Roles.Coordinator);
        Keep((Guid)(await (await coordinator.PostJsonAsync(path, body)).ReadObjectAsync(HttpStatusCode.Created))["id"]!);
    }
}
