using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;
using static CaseManagement.Api.Tests.Infrastructure.ReferralFlow;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>
/// Referrals between two member organisations through HTTP with real tokens: organisation A (the
/// fixture's A) refers to a receiver made for each test; the fixture's B plays a third
/// organisation that must see nothing. Consents, idempotency, the lifecycle, the receiver's view
/// before and after acceptance, the consent's withdrawal, both audit trails, and the raw database.
/// </summary>
public abstract class ReferralSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task Two_organisations_complete_a_referral_and_the_receiver_reads_exactly_what_was_chosen_until_consent_is_withdrawn()
    {
        var (sender, receiver) = (await Fixture.ClientAsync(Fixture.OrganisationA), await ReceiverAsync());
        var senderCoordinator = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        var (coordinator, receiverWorker) = (await Fixture.ClientAsync(receiver, Roles.Coordinator), await Fixture.ClientAsync(receiver, Roles.SocialWorker));
        var (third, thirdWorker) = (await Fixture.ClientAsync(Fixture.OrganisationB, Roles.Coordinator), await Fixture.ClientAsync(Fixture.OrganisationB, Roles.SocialWorker));
        var canary = Guid.NewGuid().ToString("N")[..10];
        var person = Beneficiary($"Ioana Referral{canary}", nationalId: "2950412" + Random.Shared.Next(100000, 999999), dateOfBirth: "1995-04-12");
        person["phone"] = LogCanaries.Track($"+40 7{Random.Shared.Next(10_000_000, 99_999_999)}");
        person["notes"] = LogCanaries.Track($"Notes {canary} only for the sender");
        var reason = LogCanaries.Track($"Needs a shelter place tonight; reason {canary}.");
        var (beneficiaryId, caseId, consentId) = await ReferrableCaseAsync(sender, Fixture, receiver, person, "FullName", "DateOfBirth");

        // Idempotent creation: a retry returns the same referral; the same key with another body is refused.
        var body = Referral(caseId, receiver, consentId, reason, "FullName", "DateOfBirth");
        var key = NewKey();
        var sent = await SendAsync(sender, body, key);
        var id = (Guid)sent["id"]!;
        Assert.Equal("Pending", (string?)sent["status"]);
        Assert.Equal(["FirstNameOrAlias", "FullName", "DateOfBirth"], sent["shared"]!.AsArray().Select(s => (string?)s));
        var retried = await SendAsync(sender, body, key);
        Assert.Equal(id, (Guid)retried["id"]!);
        var changed = body.DeepClone().AsObject();
        changed["urgency"] = "Emergency";
        using (var reused = Post(changed, key))
        {
            Assert.Equal("referral.idempotency-key-reused", (string?)(await (await sender.SendAsync(reused)).ProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]);
        }

        Assert.Equal(1, await Fixture.WithDbAsync(db => db.Referrals.CountAsync(r => r.SenderCaseId == caseId)));

        // Before acceptance the receiver's coordinators see the summary only; its social workers, nothing.
        var inbox = await (await coordinator.GetAsync("/api/v1/referrals/received?status=Pending")).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        var line = Assert.Single(inbox, r => (Guid)r["id"]! == id);
        Assert.Equal(("Female", "From26To35", "Urgent", "NotAccepted"), ((string?)line["sex"], (string?)line["ageBand"], (string?)line["urgency"], (string?)line["sharedAccess"]));
        Assert.Equal(["Residential"], line["services"]!.AsArray().Select(s => (string?)s));
        var pending = await coordinator.GetAsync($"/api/v1/referrals/received/{id}");
        var pendingText = await pending.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.Null(JsonNode.Parse(pendingText)!["shared"]);
        AssertHoldsNothingOf(pendingText, person, reason, "Ioana");
        Assert.DoesNotContain(caseId.ToString(), pendingText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(consentId.ToString(), pendingText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await receiverWorker.GetAsync($"/api/v1/referrals/received/{id}")).StatusCode);

        // A third organisation sees nothing, from either side.
        foreach (var path in new[] { $"/api/v1/referrals/received/{id}", $"/api/v1/referrals/sent/{id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await third.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await thirdWorker.GetAsync(path)).StatusCode);
        }

        foreach (var (path, attempt) in new (string, object)[]
                 {
                     ($"/api/v1/referrals/received/{id}/acceptance", new { openedOn = Fixture.DaysAgo(0) }),
                     ($"/api/v1/referrals/received/{id}/decline", new { reason = "NoCapacity" }),
                     ($"/api/v1/referrals/sent/{id}/withdrawal", new { }),
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await third.PostJsonAsync(path, attempt)).StatusCode);
        }

        Assert.DoesNotContain(id.ToString(), await (await third.GetAsync("/api/v1/referrals/received")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(id.ToString(), await (await thirdWorker.GetAsync("/api/v1/referrals/sent")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // Acceptance opens the receiver's own case; it reads exactly the chosen items.
        var accepted = await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{id}/acceptance", new { openedOn = Fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(("Accepted", "Readable"), ((string?)accepted["status"], (string?)accepted["sharedAccess"]));
        var shared = accepted["shared"]!.AsObject();
        Assert.Equal(("Ani", (string?)person["fullName"], "1995-04-12", reason), ((string?)shared["firstNameOrAlias"], (string?)shared["fullName"], (string?)shared["dateOfBirth"], (string?)shared["reason"]));
        foreach (var withheld in new[] { "nationalId", "phone", "address", "citizenship", "notes" })
        {
            Assert.Null(shared[withheld]);
        }

        AssertHoldsNothingOf(accepted.ToJsonString(), person, null);
        var receiverCase = (Guid)accepted["caseId"]!;
        var receiverBeneficiary = (Guid)accepted["beneficiaryId"]!;
        Assert.Equal(HttpStatusCode.OK, (await receiverWorker.GetAsync($"/api/v1/cases/{receiverCase}")).StatusCode);
        var asWorker = await (await receiverWorker.GetAsync($"/api/v1/referrals/received/{id}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal((string?)person["fullName"], (string?)asWorker["shared"]!["fullName"]);
        var placeholder = await (await receiverWorker.GetAsync($"/api/v1/beneficiaries/{receiverBeneficiary}")).ReadObjectAsync(HttpStatusCode.OK);
        AssertHoldsNothingOf(placeholder.ToJsonString(), person, reason, "Ioana");

        // The placeholder carries the platform pseudonym of what the consent shares (full name and date of birth here,
        // not the national id the sender's own pseudonym is of), sealed afresh; the referral keeps none once answered.
        Task<byte[]?> SealedAsync(Guid beneficiary) => Fixture.WithDbAsync(db =>
            db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Id == beneficiary).Select(b => b.SealedPlatformPseudonym).SingleAsync());
        var pseudonyms = Fixture.Services.GetRequiredService<PlatformPseudonyms>();
        var carried = pseudonyms.TryOpen((await SealedAsync(receiverBeneficiary))!);
        Assert.NotNull(carried);
        Assert.Equal(pseudonyms.TryOpen(pseudonyms.Seal(new((string)person["fullName"]!, [], null, DateOnly.Parse((string)person["dateOfBirth"]!, CultureInfo.InvariantCulture), null, null, null, null))!), carried);
        Assert.NotEqual(pseudonyms.TryOpen((await SealedAsync(beneficiaryId))!), carried);
        Assert.Null(await Fixture.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.SealedPlatformPseudonym).SingleAsync()));

        // An edit that gives the placeholder no identity of its own keeps the carried pseudonym.
        var renamed = Beneficiary("Referral placeholder renamed", nationalId: null, dateOfBirth: null);
        renamed["version"] = (int)placeholder["version"]!;
        Assert.Equal(HttpStatusCode.OK, (await receiverWorker.PutAsync($"/api/v1/beneficiaries/{receiverBeneficiary}", Body(renamed))).StatusCode);
        Assert.Equal(carried, pseudonyms.TryOpen((await SealedAsync(receiverBeneficiary))!));

        // Any other record's pseudonym follows its details: a national id and date of birth removed leave none.
        var follows = await sender.RegisterAsync(Beneficiary("Pseudonym Follows", nationalId: "1960101" + Random.Shared.Next(100000, 999999)));
        Assert.NotNull(await SealedAsync(follows));
        var cleared = Beneficiary("Pseudonym Follows", nationalId: null, dateOfBirth: null);
        cleared["version"] = 0;
        Assert.Equal(HttpStatusCode.OK, (await sender.PutAsync($"/api/v1/beneficiaries/{follows}", Body(cleared))).StatusCode);
        Assert.Null(await SealedAsync(follows));

        // No step twice, none out of order.
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{id}/acceptance", new { openedOn = Fixture.DaysAgo(0) })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{id}/decline", new { reason = "NoCapacity" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await sender.PostJsonAsync($"/api/v1/referrals/sent/{id}/withdrawal", new { })).StatusCode);

        // Feedback reaches the sender's timeline; it carries no personal data and none of the receiver's ids.
        await (await receiverWorker.PostJsonAsync($"/api/v1/referrals/received/{id}/updates", new { kind = "ServiceStarted", service = "Residential", on = Fixture.DaysAgo(0) }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var timeline = await (await sender.GetAsync($"/api/v1/cases/{caseId}/timeline")).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Contains(timeline, e => (string?)e["kind"] == "ReferralSent" && (Guid)e["subjectId"]! == id);
        Assert.Contains(timeline, e => (string?)e["kind"] == "ReferralStatusChanged" && (string?)e["detail"] == "Accepted");
        Assert.Contains(timeline, e => (string?)e["kind"] == "ReferralUpdate" && (string?)e["detail"] == "ServiceStarted:Residential");
        var senderView = await (await sender.GetAsync($"/api/v1/referrals/sent/{id}")).Content.ReadAsStringAsync();
        Assert.Contains(reason, senderView, StringComparison.Ordinal);
        Assert.DoesNotContain(receiverCase.ToString(), senderView, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(receiverBeneficiary.ToString(), senderView, StringComparison.OrdinalIgnoreCase);

        await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{id}/completion", new { })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{id}/completion", new { })).StatusCode);

        // Each side's coordinators were told of the other's steps.
        Assert.Equal(["ReferralReceived"], await KindsAsync(coordinator, id));
        Assert.Equal(["ReferralAccepted", "ReferralCompleted", "ReferralUpdated"], await KindsAsync(senderCoordinator, id));

        // Withdrawing the consent cuts the receiver off at once; its own case stays.
        var share = await ShareAsync(id);
        var seal = Fixture.Services.GetRequiredService<IReferralSeal>();
        Assert.NotNull(seal.Open(share));
        Assert.ThrowsAny<CryptographicException>(() => seal.Open(Moved(share, Fixture.OrganisationA))); // sealed for the receiver only
        await (await sender.PostJsonAsync($"/api/v1/beneficiaries/{beneficiaryId}/consents/{consentId}/withdrawal", new { number = 1, withdrawnOn = Fixture.DaysAgo(0) }))
            .ReadObjectAsync(HttpStatusCode.OK);
        var cut = await (await coordinator.GetAsync($"/api/v1/referrals/received/{id}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(("Completed", "Destroyed", true), ((string?)cut["status"], (string?)cut["sharedAccess"], (bool)cut["consentWithdrawn"]!));
        Assert.Null(cut["shared"]);
        Assert.Equal(["ReferralConsentWithdrawn", "ReferralReceived"], await KindsAsync(coordinator, id));
        Assert.Equal(HttpStatusCode.OK, (await receiverWorker.GetAsync($"/api/v1/cases/{receiverCase}")).StatusCode);
        Assert.Equal("referral.consent-withdrawn", (string?)(await (await receiverWorker.PostJsonAsync($"/api/v1/referrals/received/{id}/updates", new { kind = "BeneficiaryLeft", on = Fixture.DaysAgo(0) }))
            .ProblemAsync(HttpStatusCode.Conflict))["code"]);
        var destroyed = await ShareAsync(id);
        Assert.Null(destroyed.WrappedKey);
        Assert.Equal(share.Payload, destroyed.Payload); // the copy is still there, as ciphertext nobody can open
        Assert.Null(seal.Open(destroyed));

        // Both audit trails tell the story; the other side's entries name no user.
        var trail = await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityId == id && e.Outcome == "Success")
            .Select(e => new { e.OrganisationId, e.Action, e.EntityType, e.UserId }).ToListAsync());
        foreach (var (actor, other, action) in new[] { (Fixture.OrganisationA, receiver, "Refer"), (receiver, Fixture.OrganisationA, "Accept"),
                     (receiver, Fixture.OrganisationA, "PostUpdate"), (receiver, Fixture.OrganisationA, "Complete") })
        {
            Assert.Contains(trail, e => e.OrganisationId == actor && e.Action == action && e.UserId != null);
            Assert.Contains(trail, e => e.OrganisationId == other && e.Action == action && e.UserId == null);
        }

        Assert.Contains(trail, e => e.OrganisationId == receiver && e is { Action: "Withdraw", EntityType: "Referral.Consent", UserId: null });
        Assert.DoesNotContain(trail, e => e.OrganisationId == Fixture.OrganisationB);

        // Nothing shared is stored in clear, on either side.
        var stored = await Fixture.RawDatabaseContentsAsync();
        Assert.Contains(Fixture.OrganisationAName, stored, StringComparison.Ordinal);
        foreach (var value in new[] { (string)person["fullName"]!, (string)person["nationalId"]!, (string)person["phone"]!, (string)person["notes"]!, reason })
        {
            Assert.DoesNotContain(value, stored, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Every_step_out_of_order_is_refused_with_409_and_changes_nothing()
    {
        var (sender, receiver) = (await Fixture.ClientAsync(Fixture.OrganisationA), await ReceiverAsync());
        var coordinator = await Fixture.ClientAsync(receiver, Roles.Coordinator);
        var (_, caseId, consentId) = await ReferrableCaseAsync(sender, Fixture, receiver, Beneficiary("Order Person"));

        var withdrawn = (Guid)(await SendAsync(sender, Referral(caseId, receiver, consentId, "First.")))["id"]!;
        await (await sender.PostJsonAsync($"/api/v1/referrals/sent/{withdrawn}/withdrawal", new { })).ReadObjectAsync(HttpStatusCode.OK);
        var declined = (Guid)(await SendAsync(sender, Referral(caseId, receiver, consentId, "Second.")))["id"]!;
        var answer = await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{declined}/decline", new { reason = "NoCapacity" })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(("Declined", "NoCapacity", "Destroyed"), ((string?)answer["status"], (string?)answer["declineReason"], (string?)answer["sharedAccess"]));
        var open = (Guid)(await SendAsync(sender, Referral(caseId, receiver, consentId, "Third.")))["id"]!;

        var before = await Fixture.FingerprintAsync();
        var refusals = new (HttpClient Client, string Path, object Body)[]
        {
            (coordinator, $"/api/v1/referrals/received/{withdrawn}/acceptance", new { openedOn = Fixture.DaysAgo(0) }),
            (coordinator, $"/api/v1/referrals/received/{withdrawn}/decline", new { reason = "Other" }),
            (coordinator, $"/api/v1/referrals/received/{withdrawn}/completion", new { }),
            (sender, $"/api/v1/referrals/sent/{withdrawn}/withdrawal", new { }),
            (coordinator, $"/api/v1/referrals/received/{declined}/acceptance", new { openedOn = Fixture.DaysAgo(0) }),
            (sender, $"/api/v1/referrals/sent/{declined}/withdrawal", new { }),
            (coordinator, $"/api/v1/referrals/received/{open}/completion", new { }),
            (coordinator, $"/api/v1/referrals/received/{open}/updates", new { kind = "BeneficiaryLeft", on = Fixture.DaysAgo(0) }),
        };
        foreach (var (client, path, body) in refusals)
        {
            var problem = await (await client.PostJsonAsync(path, body)).ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains((string?)problem["code"], new[] { "referral.status", "referral.not-accepted" });
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());
        var dashboard = await (await coordinator.GetAsync("/api/v1/referrals/dashboard")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal((1, 1, 1), ((int)dashboard["received"]!["byStatus"]!["Pending"]!, (int)dashboard["received"]!["byStatus"]!["Declined"]!, (int)dashboard["received"]!["byStatus"]!["Withdrawn"]!));
        var waiting = Assert.Single(dashboard["received"]!["pending"]!.AsArray());
        Assert.Equal((open, Fixture.OrganisationA, 0), ((Guid)waiting!["id"]!, (Guid)waiting["organisationId"]!, (int)waiting["ageDays"]!));
    }

    [Fact]
    public async Task No_referral_goes_without_a_consent_that_covers_the_receiver_the_services_and_the_data()
    {
        var sender = await Fixture.ClientAsync(Fixture.OrganisationA);
        var receiver = await ReceiverAsync();
        var (beneficiaryId, caseId, consentId) = await ReferrableCaseAsync(sender, Fixture, receiver, Beneficiary("Consent Person"), "FullName");
        var (_, otherCase, otherConsent) = await ReferrableCaseAsync(sender, Fixture, receiver, Beneficiary("Another Person"));
        var disabled = await ReceiverAsync();
        var towardsDisabled = await (await sender.PostAsync($"/api/v1/beneficiaries/{beneficiaryId}/consents", Body(Consent(disabled, Fixture.DaysAgo(1))))).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await (await Fixture.ClientAsync(null, Roles.PlatformAdmin)).PostJsonAsync($"/api/v1/platform/organisations/{disabled}/disable", new { })).StatusCode);

        var foreignCase = await ForeignCaseAsync();
        var before = await Fixture.FingerprintAsync();
        var cases = new (string Why, JsonObject Body, HttpStatusCode Status, string? Code)[]
        {
            ("data not covered", Referral(caseId, receiver, consentId, "Reason.", "NationalId"), HttpStatusCode.Conflict, "referral.consent"),
            ("service not covered", With(Referral(caseId, receiver, consentId, "Reason."), "services", new JsonArray("Repatriation")), HttpStatusCode.Conflict, "referral.consent"),
            ("another person's consent", Referral(caseId, receiver, otherConsent, "Reason."), HttpStatusCode.Conflict, "referral.consent"),
            ("another organisation", Referral(caseId, Fixture.OrganisationB, consentId, "Reason."), HttpStatusCode.Conflict, "referral.consent"),
            ("itself", Referral(caseId, Fixture.OrganisationA, consentId, "Reason."), HttpStatusCode.BadRequest, "referral.self"),
            ("a disabled organisation", Referral(caseId, disabled, (Guid)towardsDisabled["consentId"]!, "Reason."), HttpStatusCode.Conflict, "referral.recipient-disabled"),
            ("an unknown organisation", Referral(caseId, Guid.NewGuid(), consentId, "Reason."), HttpStatusCode.NotFound, null),
            ("an unknown consent", Referral(caseId, receiver, Guid.NewGuid(), "Reason."), HttpStatusCode.Conflict, "referral.consent"),
            ("another organisation's case", Referral(foreignCase, receiver, consentId, "Reason."), HttpStatusCode.NotFound, null),
        };
        foreach (var (why, body, status, code) in cases)
        {
            using var request = Post(body, NewKey());
            var response = await sender.SendAsync(request);
            Assert.True(status == response.StatusCode, $"{why}: {(int)response.StatusCode}");
            if (code is not null)
            {
                Assert.Equal(code, (string?)(await response.ProblemAsync(status))["code"]);
            }
        }

        using (var keyless = Post(Referral(caseId, receiver, consentId, "Reason."), key: null))
        {
            Assert.Contains("Idempotency-Key", (await (await sender.SendAsync(keyless)).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());

        // A closed case refers nobody.
        var opened = await (await sender.GetAsync($"/api/v1/cases/{otherCase}")).ReadObjectAsync(HttpStatusCode.OK);
        await (await sender.PostJsonAsync($"/api/v1/cases/{otherCase}/close", new { version = (int)opened["version"]!, reason = "Other", closedOn = Fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.OK);
        using var closed = Post(Referral(otherCase, receiver, otherConsent, "Reason."), NewKey());
        Assert.Equal("case.closed", (string?)(await (await sender.SendAsync(closed)).ProblemAsync(HttpStatusCode.Conflict))["code"]);
    }

    [Fact]
    public async Task Consents_keep_every_version_and_refuse_changes_that_would_strand_a_referral()
    {
        var sender = await Fixture.ClientAsync(Fixture.OrganisationA);
        var receiver = await ReceiverAsync();
        var (beneficiaryId, caseId, consentId) = await ReferrableCaseAsync(sender, Fixture, receiver, Beneficiary("Version Person"), "FullName", "Contact");
        var path = $"/api/v1/beneficiaries/{beneficiaryId}/consents/{consentId}";

        var verbal = Consent(receiver, Fixture.DaysAgo(1), "FullName", "Contact");
        verbal["form"] = "Verbal";
        verbal.Remove("documentReference");
        Assert.Equal("consent.form", (string?)(await (await sender.PutAsync(path, Body(new JsonObject { ["number"] = 1, ["terms"] = verbal.DeepClone() }))).ProblemAsync(HttpStatusCode.BadRequest))["code"]);
        verbal["witness"] = "Maria Popescu, asistent social";
        var second = await (await sender.PutAsync(path, Body(new JsonObject { ["number"] = 1, ["terms"] = verbal.DeepClone() }))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal((2, "Verbal", "Maria Popescu, asistent social"), ((int)second["number"]!, (string?)second["form"], (string?)second["witness"]));
        Assert.Equal(HttpStatusCode.Conflict, (await sender.PutAsync(path, Body(new JsonObject { ["number"] = 1, ["terms"] = verbal.DeepClone() }))).StatusCode);

        await SendAsync(sender, Referral(caseId, receiver, consentId, "Reason.", "Contact"));
        var narrower = Consent(receiver, Fixture.DaysAgo(1), "FullName");
        var stranded = await (await sender.PutAsync(path, Body(new JsonObject { ["number"] = 2, ["terms"] = narrower }))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("consent.in-use", (string?)stranded["code"]);

        var withdrawn = await (await sender.PostJsonAsync($"{path}/withdrawal", new { number = 2, withdrawnOn = Fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal((3, Fixture.DaysAgo(0)), ((int)withdrawn["number"]!, (string?)withdrawn["withdrawnOn"]));
        Assert.Equal("consent.withdrawn", (string?)(await (await sender.PostJsonAsync($"{path}/withdrawal", new { number = 3, withdrawnOn = Fixture.DaysAgo(0) })).ProblemAsync(HttpStatusCode.Conflict))["code"]);

        var history = await (await sender.GetAsync(path)).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Equal([1, 2, 3], history.Select(v => (int)v["number"]!));
        Assert.Equal([false, false, true], history.Select(v => (bool)v["isCurrent"]!));
        Assert.Equal("Written", (string?)history[0]["form"]);
        var current = await (await sender.GetAsync($"/api/v1/beneficiaries/{beneficiaryId}/consents")).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Equal(3, (int)Assert.Single(current)["number"]!);
        Assert.Equal("Maria Popescu, asistent social", (string?)current[0]["witness"]);
        // A coordinator, who sends referrals, reads the terms but not who witnessed the consent or where its paper is.
        var coordinators = await (await (await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator)).GetAsync($"/api/v1/beneficiaries/{beneficiaryId}/consents"))
            .ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Equal((3, null, null), ((int)Assert.Single(coordinators)["number"]!, (string?)coordinators[0]["witness"], (string?)coordinators[0]["documentReference"]));

        // The pending referral went with the consent: withdrawn, its copy unreadable.
        var sent = await (await sender.GetAsync("/api/v1/referrals/sent?status=Withdrawn")).ReadAsync<List<JsonObject>>(HttpStatusCode.OK);
        Assert.Contains(sent, r => (Guid)r["caseId"]! == caseId && (bool)r["consentWithdrawn"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Fixture.ClientAsync(Fixture.OrganisationB)).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_receiver_is_shown_a_person_already_on_its_file_and_links_the_case_instead_of_keeping_a_duplicate()
    {
        var sender = await Fixture.ClientAsync(Fixture.OrganisationA);
        var receiver = await ReceiverAsync();
        var (coordinator, receiverWorker) = (await Fixture.ClientAsync(receiver, Roles.Coordinator), await Fixture.ClientAsync(receiver, Roles.SocialWorker));
        var nationalId = "1900101" + Random.Shared.Next(100000, 999999);
        var known = await receiverWorker.RegisterAsync(Beneficiary("Known Person", nationalId));
        var (_, caseId, consentId) = await ReferrableCaseAsync(sender, Fixture, receiver, Beneficiary("Known Person", nationalId), "NationalId");
        var id = (Guid)(await SendAsync(sender, Referral(caseId, receiver, consentId, "Reason.", "NationalId")))["id"]!;

        var accepted = await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{id}/acceptance", new { openedOn = Fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal([known], accepted["possibleMatches"]!.AsArray().Select(m => (Guid)m!));
        var created = (Guid)accepted["beneficiaryId"]!;

        var linked = await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{id}/link", new { beneficiaryId = known })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(known, (Guid)linked["beneficiaryId"]!);
        Assert.Empty(linked["possibleMatches"]!.AsArray());
        var opened = await (await receiverWorker.GetAsync($"/api/v1/cases/{(Guid)accepted["caseId"]!}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(known, (Guid)opened["beneficiaryId"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await receiverWorker.GetAsync($"/api/v1/beneficiaries/{created}")).StatusCode);
        var another = await receiverWorker.RegisterAsync(Beneficiary("Another Known Person"));
        Assert.Equal("referral.link", (string?)(await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{id}/link", new { beneficiaryId = another })).ProblemAsync(HttpStatusCode.Conflict))["code"]);

        // A record the receiver has written on since acceptance is its own: linking keeps it.
        var second = (Guid)(await SendAsync(sender, Referral(caseId, receiver, consentId, "Again.", "NationalId")))["id"]!;
        var edited = (Guid)(await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{second}/acceptance", new { openedOn = Fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.OK))["beneficiaryId"]!;
        var update = Beneficiary("Name Told By The Person");
        update["version"] = 0;
        await (await receiverWorker.PutAsync($"/api/v1/beneficiaries/{edited}", Body(update))).ReadObjectAsync(HttpStatusCode.OK);
        await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{second}/link", new { beneficiaryId = known })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await receiverWorker.GetAsync($"/api/v1/beneficiaries/{edited}")).StatusCode);
    }

    [Fact]
    public async Task Steps_taken_at_the_same_moment_never_leave_a_copy_readable_under_a_withdrawn_consent_and_never_fail_with_a_5xx()
    {
        var sender = await Fixture.ClientAsync(Fixture.OrganisationA);
        var receiver = await ReceiverAsync();
        var (coordinator, receiverWorker) = (await Fixture.ClientAsync(receiver, Roles.Coordinator), await Fixture.ClientAsync(receiver, Roles.SocialWorker));
        for (var round = 0; round < 3; round++)
        {
            // A referral made while its consent is withdrawn: one of the two gives way.
            var (beneficiaryId, caseId, consentId) = await ReferrableCaseAsync(sender, Fixture, receiver, Beneficiary("Race Person"), "FullName");
            using var create = Post(Referral(caseId, receiver, consentId, "Race.", "FullName"), NewKey());
            var made = sender.SendAsync(create);
            var withdrawal = sender.PostJsonAsync($"/api/v1/beneficiaries/{beneficiaryId}/consents/{consentId}/withdrawal", new { number = 1, withdrawnOn = Fixture.DaysAgo(0) });
            await Task.WhenAll(made, withdrawal);
            Assert.Contains(made.Result.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict });
            Assert.Contains(withdrawal.Result.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
            var live = await Fixture.WithDbAsync(db => (
                from referral in db.Referrals
                join share in db.ReferralShares.IgnoreQueryFilters() on referral.Id equals share.Id
                where referral.ConsentId == consentId && share.WrappedKey != null
                select referral.Id).CountAsync());
            var withdrawn = await Fixture.WithDbAsync(db => db.Consents.IgnoreQueryFilters().AnyAsync(c => c.ConsentId == consentId && c.WithdrawnOn != null));
            Assert.False(withdrawn && live > 0, "a copy stayed readable under a withdrawn consent");

            // Both organisations act on their own referrals to each other at once, and each side's trail is written: neither waits forever.
            var (_, otherCase, otherConsent) = await ReferrableCaseAsync(receiverWorker, Fixture, Fixture.OrganisationA, Beneficiary("Back Person"), "FullName");
            var (_, thisCase, thisConsent) = await ReferrableCaseAsync(sender, Fixture, receiver, Beneficiary("Forth Person"), "FullName");
            var back = (Guid)(await SendAsync(receiverWorker, Referral(otherCase, Fixture.OrganisationA, otherConsent, "Back.")))["id"]!;
            var forth = (Guid)(await SendAsync(sender, Referral(thisCase, receiver, thisConsent, "Forth.")))["id"]!;
            var answers = await Task.WhenAll(
                sender.PostJsonAsync($"/api/v1/referrals/sent/{forth}/withdrawal", new { }),
                receiverWorker.PostJsonAsync($"/api/v1/referrals/sent/{back}/withdrawal", new { }));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

            // The sender withdraws while the receiver accepts: exactly one wins, the other gets a 409.
            var (_, raceCase, raceConsent) = await ReferrableCaseAsync(sender, Fixture, receiver, Beneficiary("Contested Person"), "FullName");
            var contested = (Guid)(await SendAsync(sender, Referral(raceCase, receiver, raceConsent, "Contested.")))["id"]!;
            var race = await Task.WhenAll(
                sender.PostJsonAsync($"/api/v1/referrals/sent/{contested}/withdrawal", new { }),
                coordinator.PostJsonAsync($"/api/v1/referrals/received/{contested}/acceptance", new { openedOn = Fixture.DaysAgo(0) }));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], race.Select(r => r.StatusCode).Order());
        }
    }

    private static void AssertHoldsNothingOf(string text, JsonObject person, string? reason, params string[] more)
    {
        foreach (var value in new[] { (string?)person["nationalId"], (string?)person["phone"], (string?)person["address"], (string?)person["notes"], reason }.Concat(more).OfType<string>())
        {
            Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>A receiving organisation of this test's own, so that its inbox holds this test's referrals only.</summary>
    private Task<Guid> ReceiverAsync() => Fixture.CreateOrganisationAsync("Receiver " + Guid.NewGuid().ToString("N")[..8]);

    private async Task<Guid> ForeignCaseAsync()
    {
        var other = await Fixture.ClientAsync(Fixture.OrganisationB);
        return (Guid)(await other.OpenCaseAsync(await other.RegisterAsync(Beneficiary("Foreign Person")), Fixture.DaysAgo(3)))["id"]!;
    }

    private static async Task<List<string>> KindsAsync(HttpClient client, Guid referralId)
    {
        var inbox = await (await client.GetAsync("/api/v1/me/notifications?pageSize=100")).ReadObjectAsync(HttpStatusCode.OK);
        return [.. inbox["items"]!.AsArray().Where(n => (Guid)n!["subjectId"]! == referralId).Select(n => (string)n!["kind"]!).Order(StringComparer.Ordinal)];
    }

    private Task<ReferralShare> ShareAsync(Guid id) =>
        Fixture.WithDbAsync(db => db.ReferralShares.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>The same sealed copy, claimed for another organisation: it must not open.</summary>
    private static ReferralShare Moved(ReferralShare share, Guid organisation) =>
        new(share.Id, organisation, share.Payload, share.WrappedKey!, share.WrappingKeyVersion);

    private static JsonObject With(JsonObject body, string property, JsonNode value)
    {
        body[property] = value;
        return body;
    }
}
