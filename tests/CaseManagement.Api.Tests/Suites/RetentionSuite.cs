using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Jobs;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.PersonalData;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>
/// Retention and erasure (GDPR art. 5(1)(e), 15, 17): the daily job anonymises whoever is past
/// their organisation's period, an administrator erases on request or exports for an access
/// request, and a legal hold or an open legal case keeps the file. Each test has an organisation of
/// its own, as a retention period applies to every person of one.
/// </summary>
public abstract class RetentionSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task The_daily_job_anonymises_whoever_is_past_the_period_and_leaves_the_held_the_recent_and_the_counts()
    {
        var organisation = await Fixture.CreateOrganisationAsync("Retention " + Guid.NewGuid().ToString("N")[..8]);
        var worker = await Fixture.ClientAsync(organisation);
        var admin = await Fixture.ClientAsync(organisation, Roles.OrganisationAdmin);
        var expired = await PersonAsync(worker, "Expirata", closedDaysAgo: 3 * 365 + 10);
        var held = await PersonAsync(worker, "Retinuta", closedDaysAgo: 3 * 365 + 10);
        var recent = await PersonAsync(worker, "Recenta", closedDaysAgo: 300);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/admin/beneficiaries/{held.Id}/legal-hold", Body("""{"reason":"CriminalProcedure"}"""))).StatusCode);
        var year = Fixture.Today().AddDays(-3 * 365 - 20).Year;
        var coordinator = await Fixture.ClientAsync(organisation, Roles.Coordinator);
        var figures = await (await coordinator.GetAsync($"/api/v1/figures/{year}")).Content.ReadAsStringAsync();
        var indexesBefore = await BlindIndexesAsync(expired.Id);
        Assert.NotEmpty(indexesBefore);

        // Without a period, the job touches nobody.
        var jobs = Fixture.Services.GetRequiredService<RetentionJobs>();
        await jobs.AnonymiseExpiredAsync(TestContext.Current.CancellationToken);
        Assert.Equal(expired.Name, (string?)(await (await worker.GetAsync($"/api/v1/beneficiaries/{expired.Id}")).ReadObjectAsync(HttpStatusCode.OK))["fullName"]);

        var set = await (await admin.PutAsync("/api/v1/admin/retention", Body("""{"yearsAfterClosure":2}"""))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)set["yearsAfterClosure"]!);
        Assert.Equal(2, (int)(await (await admin.GetAsync("/api/v1/admin/retention")).ReadObjectAsync(HttpStatusCode.OK))["yearsAfterClosure"]!);
        await jobs.AnonymiseExpiredAsync(TestContext.Current.CancellationToken);
        await jobs.AnonymiseExpiredAsync(TestContext.Current.CancellationToken); // a rerun finds nobody twice

        var erased = await (await worker.GetAsync($"/api/v1/beneficiaries/{expired.Id}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("", (string?)erased["fullName"]);
        Assert.Null((string?)erased["nationalId"]);
        Assert.Empty((await (await worker.GetAsync($"/api/v1/cases/{expired.CaseId}/notes")).ReadObjectAsync(HttpStatusCode.OK))["items"]!.AsArray());
        Assert.Empty(await BlindIndexesAsync(expired.Id));
        await AssertNothingLeftAsync(expired, kept: held);
        Assert.Equal(1, await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .CountAsync(e => e.OrganisationId == organisation && e.Action == "Anonymise" && e.EntityType == "Beneficiary.Retention" && e.EntityId == expired.Id)));

        // The held and the recently closed keep everything; the counts did not move.
        foreach (var kept in new[] { held, recent })
        {
            var read = await (await worker.GetAsync($"/api/v1/beneficiaries/{kept.Id}")).ReadObjectAsync(HttpStatusCode.OK);
            Assert.Equal(kept.Name, (string?)read["fullName"]);
            Assert.Contains(kept.Note, await (await worker.GetAsync($"/api/v1/cases/{kept.CaseId}/notes")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(figures, await (await coordinator.GetAsync($"/api/v1/figures/{year}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrator_exports_and_erases_on_request_with_a_ground_unless_a_hold_or_an_open_legal_case_keeps_the_file()
    {
        var organisation = await Fixture.CreateOrganisationAsync("Erasure " + Guid.NewGuid().ToString("N")[..8]);
        var worker = await Fixture.ClientAsync(organisation);
        var admin = await Fixture.ClientAsync(organisation, Roles.OrganisationAdmin);
        var person = await PersonAsync(worker, "Cerere", closedDaysAgo: null);
        var other = await PersonAsync(worker, "Alta", closedDaysAgo: null);

        // Only this organisation's administrators export or erase; a foreign one is told nothing exists.
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/admin/beneficiaries/{person.Id}/export")).StatusCode);
        var foreign = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.OrganisationAdmin);
        await (await foreign.GetAsync($"/api/v1/admin/beneficiaries/{person.Id}/export")).ProblemAsync(HttpStatusCode.NotFound);
        await (await foreign.PostAsync($"/api/v1/admin/beneficiaries/{person.Id}/erasure", Body("""{"basis":"ConsentWithdrawn"}"""))).ProblemAsync(HttpStatusCode.NotFound);

        var export = await (await admin.GetAsync($"/api/v1/admin/beneficiaries/{person.Id}/export")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(person.Name, (string?)export["Beneficiary"]![0]!["fullName"]);
        Assert.Equal(person.Note, (string?)export["CaseNote"]![0]!["content"]);
        Assert.Equal(person.CaseId, (Guid)export["Case"]![0]!["id"]!);
        Assert.NotEmpty(export["ServiceEpisode"]!.AsArray());
        Assert.Contains(export["AuditEntry"]!.AsArray(), e => (string?)e!["action"] == "Create" && (Guid?)e["entityId"] == person.Id);
        Assert.DoesNotContain("Cipher", export.ToJsonString(), StringComparison.Ordinal);

        // A hold, then an open legal case, refuse the erasure and change nothing.
        await (await admin.PutAsync($"/api/v1/admin/beneficiaries/{person.Id}/legal-hold", Body("""{"reason":"AuthorityRequest"}"""))).ReadObjectAsync(HttpStatusCode.OK);
        var fingerprint = await Fixture.FingerprintAsync();
        await (await admin.PostAsync($"/api/v1/admin/beneficiaries/{person.Id}/erasure", Body("""{"basis":"ConsentWithdrawn"}"""))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(fingerprint, await Fixture.FingerprintAsync());
        var released = await (await admin.DeleteAsync($"/api/v1/admin/beneficiaries/{person.Id}/legal-hold")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Null((string?)released["legalHold"]);
        var lawyer = await Fixture.ClientAsync(organisation, Roles.Lawyer);
        var legal = await (await lawyer.PostAsync($"/api/v1/cases/{person.CaseId}/legal-cases", Body(NewLegalCase(Fixture.DaysAgo(10))))).ReadObjectAsync(HttpStatusCode.Created);
        fingerprint = await Fixture.FingerprintAsync();
        var open = await (await admin.PostAsync($"/api/v1/admin/beneficiaries/{person.Id}/erasure", Body("""{"basis":"ConsentWithdrawn"}"""))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("legal case", (string?)open["detail"], StringComparison.Ordinal);
        Assert.Equal(fingerprint, await Fixture.FingerprintAsync());

        // At final judgment, with the case closed, the file may go.
        await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{(Guid)legal["id"]!}/stage", new { stage = "FinalJudgment", date = Fixture.DaysAgo(1) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("beneficiary.open-case", (string?)(await (await admin.PostAsync($"/api/v1/admin/beneficiaries/{person.Id}/erasure", Body("""{"basis":"ConsentWithdrawn"}"""))).ProblemAsync(HttpStatusCode.Conflict))["code"]);
        await CloseAsync(worker, person.CaseId);
        var done = await (await admin.PostAsync($"/api/v1/admin/beneficiaries/{person.Id}/erasure", Body("""{"basis":"ConsentWithdrawn"}"""))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.NotNull((string?)done["anonymisedAt"]);
        await AssertNothingLeftAsync(person, kept: other);
        Assert.Equal(1, await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .CountAsync(e => e.Action == "Erase" && e.EntityType == "Beneficiary.ConsentWithdrawn" && e.EntityId == person.Id && e.Outcome == "Success")));
        Assert.Equal(1, await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .CountAsync(e => e.Action == "Export" && e.EntityType == "Beneficiary" && e.EntityId == person.Id && e.Outcome == "Success")));

        // Erased once: no second erasure, no update, no hold.
        await (await admin.PostAsync($"/api/v1/admin/beneficiaries/{person.Id}/erasure", Body("""{"basis":"Objection"}"""))).ProblemAsync(HttpStatusCode.Conflict);
        var update = Beneficiary("Din Nou " + person.Name);
        update["version"] = (int)done["version"]!;
        await (await worker.PutAsync($"/api/v1/beneficiaries/{person.Id}", Body(update))).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutAsync($"/api/v1/admin/beneficiaries/{person.Id}/legal-hold", Body("""{"reason":"Litigation"}"""))).ProblemAsync(HttpStatusCode.Conflict);
        // Nor does it take anything new that nothing could erase again.
        fingerprint = await Fixture.FingerprintAsync();
        await (await worker.PostJsonAsync("/api/v1/cases", new { beneficiaryId = person.Id, openedOn = Fixture.DaysAgo(0) })).ProblemAsync(HttpStatusCode.Conflict);
        await (await worker.PostJsonAsync($"/api/v1/cases/{person.CaseId}/notes", new { sensitivity = "Ordinary", content = "After the erasure" })).ProblemAsync(HttpStatusCode.Conflict);
        var closedCase = await (await worker.GetAsync($"/api/v1/cases/{person.CaseId}")).ReadObjectAsync(HttpStatusCode.OK);
        await (await worker.PostJsonAsync($"/api/v1/cases/{person.CaseId}/reopen", new { version = (int)closedCase["version"]! })).ProblemAsync(HttpStatusCode.Conflict);
        await (await worker.PostAsync($"/api/v1/beneficiaries/{person.Id}/consents", Body(ReferralFlow.Consent(Fixture.OrganisationB, Fixture.DaysAgo(0))))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(fingerprint, await Fixture.FingerprintAsync());

        // The export names a privileged note but withholds its text: the lawyer discloses it.
        var otherLegal = await (await lawyer.PostAsync($"/api/v1/cases/{other.CaseId}/legal-cases", Body(NewLegalCase(Fixture.DaysAgo(5))))).ReadObjectAsync(HttpStatusCode.Created);
        var privileged = LogCanaries.Track("Privilegiata " + Guid.NewGuid().ToString("N"));
        var note = await (await lawyer.PostJsonAsync($"/api/v1/legal-cases/{(Guid)otherLegal["id"]!}/notes", new { content = privileged })).ReadObjectAsync(HttpStatusCode.Created);
        var exported = await (await admin.GetAsync($"/api/v1/admin/beneficiaries/{other.Id}/export")).ReadObjectAsync(HttpStatusCode.OK);
        var withheld = exported["PrivilegedNote"]!.AsArray().Single(n => (Guid)n!["id"]! == (Guid)note["id"]!)!;
        Assert.NotNull((string?)withheld["withheld"]);
        Assert.DoesNotContain(privileged, exported.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(other.Note, (string?)exported["CaseNote"]![0]!["content"]); // an ordinary note is the person's data
    }

    private async Task CloseAsync(HttpClient worker, Guid caseId)
    {
        var current = await (await worker.GetAsync($"/api/v1/cases/{caseId}")).ReadObjectAsync(HttpStatusCode.OK);
        await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version = (int)current["version"]!, reason = "GoalsAchieved", closedOn = Fixture.DaysAgo(0) }))
            .ReadObjectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Erasure_makes_what_referrals_shared_unreadable_on_either_side()
    {
        var sender = await Fixture.CreateOrganisationAsync("Trimite " + Guid.NewGuid().ToString("N")[..8]);
        var receiver = await Fixture.CreateOrganisationAsync("Primeste " + Guid.NewGuid().ToString("N")[..8]);
        var senderWorker = await Fixture.ClientAsync(sender);
        var coordinator = await Fixture.ClientAsync(receiver, Roles.Coordinator);
        var receiverWorker = await Fixture.ClientAsync(receiver);
        async Task<Guid> ReferAsync(string name)
        {
            var (_, caseId, consentId) = await ReferralFlow.ReferrableCaseAsync(senderWorker, Fixture, receiver, Beneficiary(LogCanaries.Track(name)), "FullName");
            return (Guid)(await ReferralFlow.SendAsync(senderWorker, ReferralFlow.Referral(caseId, receiver, consentId, "Needs a shelter", "FullName")))["id"]!;
        }

        // The receiver took one person on, and erases them: its copy of what was shared goes too.
        var taken = await ReferAsync("Primita Persoana " + Guid.NewGuid().ToString("N")[..6]);
        var accepted = await (await coordinator.PostJsonAsync($"/api/v1/referrals/received/{taken}/acceptance", new { openedOn = Fixture.DaysAgo(0) })).ReadObjectAsync(HttpStatusCode.OK);
        var receiverPerson = (Guid)(await (await receiverWorker.GetAsync($"/api/v1/cases/{(Guid)accepted["caseId"]!}")).ReadObjectAsync(HttpStatusCode.OK))["beneficiaryId"]!;
        Assert.NotNull(await WrappedKeyAsync(taken));
        await CloseAsync(receiverWorker, (Guid)accepted["caseId"]!);
        var receiverAdmin = await Fixture.ClientAsync(receiver, Roles.OrganisationAdmin);
        await (await receiverAdmin.PostJsonAsync($"/api/v1/admin/beneficiaries/{receiverPerson}/erasure", new { basis = "NoLongerNecessary" })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Null(await WrappedKeyAsync(taken));

        // The sender erases a person with a referral still pending: withdrawn, and the receiver's copy unreadable.
        var pending = await ReferAsync("Trimisa Persoana " + Guid.NewGuid().ToString("N")[..6]);
        var (senderPerson, senderCase) = await Fixture.WithDbAsync(db => db.Referrals.Where(r => r.Id == pending)
            .Join(db.Cases.IgnoreQueryFilters(), r => r.SenderCaseId, c => c.Id, (_, c) => new ValueTuple<Guid, Guid>(c.BeneficiaryId, c.Id)).SingleAsync());
        await CloseAsync(senderWorker, senderCase);
        var senderAdmin = await Fixture.ClientAsync(sender, Roles.OrganisationAdmin);
        await (await senderAdmin.PostJsonAsync($"/api/v1/admin/beneficiaries/{senderPerson}/erasure", new { basis = "ConsentWithdrawn" })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Null(await WrappedKeyAsync(pending));
        var seen = await (await coordinator.GetAsync($"/api/v1/referrals/received/{pending}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(("Withdrawn", true), ((string?)seen["status"], (bool)seen["consentWithdrawn"]!));
        Assert.Null(seen["shared"]);
    }

    private Task<byte[]?> WrappedKeyAsync(Guid referral) =>
        Fixture.WithDbAsync(db => db.ReferralShares.IgnoreQueryFilters().Where(s => s.Id == referral).Select(s => s.WrappedKey).SingleAsync());

    private sealed record Person(Guid Id, Guid CaseId, string Name, string NationalId, string Note, string Phone, string Alias);

    /// <summary>A person with a case opened about three and a half years ago, a service, a note, and (unless <paramref name="closedDaysAgo"/> is null) closed.</summary>
    private async Task<Person> PersonAsync(HttpClient worker, string label, int? closedDaysAgo)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var name = LogCanaries.Track($"Persoana {label} {unique}");
        var nationalId = "2" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999);
        var body = Beneficiary(name, nationalId);
        var phone = LogCanaries.Track("+40 7" + Random.Shared.Next(10_000_000, 99_999_999));
        body["phone"] = phone;
        var alias = LogCanaries.Track("Alias" + unique);
        body["aliases"] = new JsonArray(alias);
        var id = await worker.RegisterAsync(body);
        var opened = await worker.OpenCaseAsync(id, Fixture.DaysAgo(3 * 365 + 200));
        var caseId = (Guid)opened["id"]!;
        await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "Counselling", startDate = Fixture.DaysAgo(3 * 365 + 190) })).ReadObjectAsync(HttpStatusCode.Created);
        var note = LogCanaries.Track($"Nota confidentiala {unique}");
        await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content = note })).ReadObjectAsync(HttpStatusCode.Created);
        if (closedDaysAgo is { } days)
        {
            var current = await (await worker.GetAsync($"/api/v1/cases/{caseId}")).ReadObjectAsync(HttpStatusCode.OK);
            await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version = (int)current["version"]!, reason = "GoalsAchieved", closedOn = Fixture.DaysAgo(days) }))
                .ReadObjectAsync(HttpStatusCode.OK);
        }

        return new Person(id, caseId, name, nationalId, note, phone, alias);
    }

    /// <summary>The person's blind indexes: the name and national id columns, and the alias rows.</summary>
    private Task<List<int>> BlindIndexesAsync(Guid id) => Fixture.WithDbAsync(async db =>
    {
        var own = await db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Id == id)
            .Select(b => new[] { EF.Property<int?>(b, "FullNameIndex"), EF.Property<int?>(b, "NationalIdIndex"), EF.Property<int?>(b, "DateOfBirthIndex") })
            .SingleAsync();
        var aliases = await db.Set<AliasIndexEntry>().IgnoreQueryFilters().Where(a => a.BeneficiaryId == id).Select(a => a.Value).ToListAsync();
        return own.OfType<int>().Concat(aliases).ToList();
    });

    /// <summary>
    /// Neither a raw scan of the database (ciphertext, as a thief sees it) nor a scan of every
    /// personal field of every row opened with the keys finds any of the person's values.
    /// </summary>
    private async Task AssertNothingLeftAsync(Person person, Person kept)
    {
        var raw = await Fixture.RawDatabaseContentsAsync();
        var opened = await OpenedPersonalDataAsync();
        // The scan sees what is there: a kept person's values are found, opened.
        Assert.Contains(kept.Note, opened, StringComparison.Ordinal);
        Assert.Contains(kept.Alias, opened, StringComparison.Ordinal);
        foreach (var canary in new[] { person.Name, person.NationalId, person.Note, person.Phone, person.Alias })
        {
            Assert.DoesNotContain(canary, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, opened, StringComparison.Ordinal);
        }
    }

    /// <summary>Every personal property of every row in the database, decrypted, as text.</summary>
    private Task<string> OpenedPersonalDataAsync() => Fixture.WithDbAsync(async db =>
    {
        var text = new StringBuilder();
        foreach (var type in db.Model.GetEntityTypes())
        {
            if (PersonalDataModel.For(type.ClrType) is not { } personal)
            {
                continue;
            }

            var rows = (IQueryable<object>)typeof(RetentionSuite<TFixture>).GetMethod(nameof(All), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type.ClrType).Invoke(null, [db])!;
            foreach (var row in await rows.ToListAsync())
            {
                foreach (var property in personal.Properties)
                {
                    text.AppendLine(property.GetValue(row) switch
                    {
                        IEnumerable<string> list when property.GetValue(row) is not string => string.Join('|', list),
                        var value => value?.ToString(),
                    });
                }
            }
        }

        return text.ToString();
    });

    private static IQueryable<object> All<TEntity>(ApplicationDbContext db)
        where TEntity : class => db.Set<TEntity>().IgnoreQueryFilters().AsNoTracking();
}
