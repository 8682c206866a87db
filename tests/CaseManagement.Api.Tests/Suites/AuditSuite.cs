using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Auditing;
using CaseManagement.Infrastructure.Auditing;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>The audit trail: one entry per read, refusals recorded, and every kind of tampering detected.</summary>
public abstract class AuditSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task Each_read_of_personal_data_leaves_exactly_one_entry()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var id = await client.RegisterAsync(Beneficiary("Audited Person"));
        Assert.Equal(1, await CountAsync(e => e.EntityId == id && e.Action == AuditActions.Create));

        var reads = await CountAsync(e => e.EntityId == id && e.Action == AuditActions.Read);
        await (await client.GetAsync($"/api/v1/beneficiaries/{id}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(reads + 1, await CountAsync(e => e.EntityId == id && e.Action == AuditActions.Read));

        var searches = await CountAsync(e => e.OrganisationId == Fixture.OrganisationA && e.Action == AuditActions.Search);
        await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { fullName = "Audited Person" })).ReadObjectsAsync();
        Assert.Equal(searches + 1, await CountAsync(e => e.OrganisationId == Fixture.OrganisationA && e.Action == AuditActions.Search));
    }

    [Fact]
    public async Task Refusals_are_recorded_in_and_out_of_use_cases_and_sign_ins_too()
    {
        var lawyer = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Lawyer);
        var denied = await CountAsync(e => e.OrganisationId == Fixture.OrganisationA && e.Outcome == AuditOutcomes.Denied && e.EntityType == "Beneficiary");
        await (await lawyer.PostAsync("/api/v1/beneficiaries", Body(Beneficiary("Refused")))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(denied + 1, await CountAsync(e => e.OrganisationId == Fixture.OrganisationA && e.Outcome == AuditOutcomes.Denied && e.EntityType == "Beneficiary"));

        var anonymous = await CountAsync(e => e.OrganisationId == AuditEntry.PlatformChain && e.Action == AuditActions.Request);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.Anonymous().GetAsync("/api/v1/beneficiaries")).StatusCode);
        Assert.Equal(anonymous + 1, await CountAsync(e => e.OrganisationId == AuditEntry.PlatformChain && e.Action == AuditActions.Request));

        var (staff, userId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await SignInFlow.SignInAsync(Fixture.Host, staff);
        Assert.Equal(1, await CountAsync(e => e.UserId == userId && e.Action == AuditActions.SignIn));
    }

    [Fact]
    public async Task The_access_log_of_a_case_is_for_its_worker_and_the_admin_only()
    {
        var (worker, workerId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var beneficiary = await worker.RegisterAsync(Beneficiary("Logged Person"));
        var opened = await (await worker.PostJsonAsync("/api/v1/cases", new { beneficiaryId = beneficiary, openedOn = Fixture.DaysAgo(400), assignedWorkerId = workerId })).ReadObjectAsync(HttpStatusCode.Created);
        var caseId = (Guid)opened["id"]!;
        await (await worker.GetAsync($"/api/v1/cases/{caseId}/notes")).ReadObjectAsync(HttpStatusCode.OK);

        var log = await (await worker.GetAsync($"/api/v1/cases/{caseId}/access-log")).ReadObjectsAsync();
        Assert.Contains(log, e => (string?)e!["action"] == "Create" && (string?)e["entityType"] == "Case");
        Assert.Contains(log, e => (string?)e!["action"] == "List" && (string?)e["entityType"] == "Case.Note" && (Guid?)e["userId"] == workerId);

        var admin = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/cases/{caseId}/access-log")).StatusCode);
        var colleague = await Fixture.ClientAsync(Fixture.OrganisationA);
        await (await colleague.GetAsync($"/api/v1/cases/{caseId}/access-log")).ProblemAsync(HttpStatusCode.Forbidden);
        var stranger = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.OrganisationAdmin);
        await (await stranger.GetAsync($"/api/v1/cases/{caseId}/access-log")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_admin_verifies_the_chain_and_gets_its_head()
    {
        var admin = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var report = await (await admin.GetAsync("/api/v1/audit/verify")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.True((bool)report["intact"]!, report.ToJsonString());
        var head = (long)report["headSequence"]!;
        var again = await (await admin.GetAsync($"/api/v1/audit/verify?expectedHeadSequence={head}&expectedHeadHash={(string)report["headHash"]!}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.True((bool)again["intact"]!, again.ToJsonString());
        await (await (await Fixture.ClientAsync(Fixture.OrganisationA)).GetAsync("/api/v1/audit/verify")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_thousand_random_tamperings_made_in_the_database_are_all_detected()
    {
        // A chain of its own, so other tests' entries do not move under the tampering.
        var chain = Guid.CreateVersion7();
        await AppendAsync(chain, 30);

        var intact = await VerifyAsync(chain, null);
        Assert.True(intact.Intact);
        var exportedHead = (intact.HeadSequence!.Value, intact.HeadHash!);

        var random = new Random(20261128);
        var detected = new Dictionary<string, int>();
        for (var i = 0; i < 1000; i++)
        {
            await using var scope = Fixture.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var kind = await Tamper.ApplyAsync(db, chain, random);
            var report = await scope.ServiceProvider.GetRequiredService<IAuditChainVerifier>()
                .VerifyAsync(chain, exportedHead.Item1, exportedHead.Item2, CancellationToken.None);
            Assert.False(report.Intact, $"tampering {i} ({kind}) went unnoticed");
            detected[kind] = detected.GetValueOrDefault(kind) + 1;
            await transaction.RollbackAsync();
        }

        Assert.True((await VerifyAsync(chain, exportedHead)).Intact); // every tampering was rolled back
        Assert.Equal(["delete", "edit", "insert", "reorder"], detected.Keys.Order());
    }

    [Fact]
    public async Task A_tail_cut_off_and_regrown_past_the_exported_head_is_detected()
    {
        var chain = Guid.CreateVersion7();
        await AppendAsync(chain, 10);
        var exported = await VerifyAsync(chain, null);

        await Fixture.WithDbAsync(async db =>
        {
            var tail = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganisationId == chain && e.Sequence > 7).ToListAsync();
            db.RemoveRange(tail);
            await db.SaveChangesAsync();
            // A careful forger rewinds the chain's head row too, so that appends carry on from entry 7.
            var seventh = await db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.OrganisationId == chain && e.Sequence == 7);
            return await db.AuditChainHeads.Where(h => h.OrganisationId == chain)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, 7L).SetProperty(h => h.Hash, seventh.Hash));
        });
        await AppendAsync(chain, 5); // the application carries on, past the exported head's sequence

        Assert.True((await VerifyAsync(chain, null)).Intact); // without the exported head the cut is invisible
        var report = await VerifyAsync(chain, (exported.HeadSequence!.Value, exported.HeadHash!));
        Assert.False(report.Intact);
        Assert.Equal(10, report.FirstBrokenSequence);
    }

    private async Task AppendAsync(Guid chain, int count)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await trail.RecordAsync(new AuditRecord(chain, Guid.CreateVersion7(), null, AuditActions.Read, "Beneficiary", Guid.CreateVersion7(), AuditOutcomes.Success), CancellationToken.None);
        }
    }

    private async Task<AuditChainReport> VerifyAsync(Guid chain, (long, string)? head)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditChainVerifier>().VerifyAsync(chain, head?.Item1, head?.Item2, CancellationToken.None);
    }

    private Task<int> CountAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where) =>
        Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(where));

    /// <summary>What someone with write access to the database, but not the master key, might do.</summary>
    private static class Tamper
    {
        public static async Task<string> ApplyAsync(ApplicationDbContext db, Guid chain, Random random)
        {
            var entries = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.OrganisationId == chain).OrderBy(e => e.Sequence).ToListAsync();
            var victim = entries[random.Next(entries.Count)];
            switch (random.Next(4))
            {
                case 0:
                    Edit(db, victim, random);
                    await db.SaveChangesAsync();
                    return "edit";
                case 1:
                    db.Remove(victim);
                    await db.SaveChangesAsync();
                    return "delete";
                case 2:
                    var other = entries[(entries.IndexOf(victim) + 1 + random.Next(entries.Count - 1)) % entries.Count];
                    await SwapAsync(db, victim, other);
                    return "reorder";
                default:
                    await InsertBeforeAsync(db, entries, victim, random);
                    return "insert";
            }
        }

        private static void Edit(ApplicationDbContext db, AuditEntry entry, Random random)
        {
            var property = db.Entry(entry).Property(random.Next(8) switch
            {
                0 => nameof(AuditEntry.Action),
                1 => nameof(AuditEntry.EntityType),
                2 => nameof(AuditEntry.EntityId),
                3 => nameof(AuditEntry.UserId),
                4 => nameof(AuditEntry.Outcome),
                5 => nameof(AuditEntry.OccurredAt),
                6 => nameof(AuditEntry.PreviousHash),
                _ => nameof(AuditEntry.Hash),
            });
            property.CurrentValue = property.CurrentValue switch
            {
                string s => s == "Denied" ? "Success" : "Denied",
                Guid => Guid.CreateVersion7(),
                null => Guid.CreateVersion7(),
                DateTimeOffset at => at.AddSeconds(-random.Next(1, 3600)),
                byte[] bytes => Flip(bytes, random),
                _ => throw new InvalidOperationException("unexpected column"),
            };
        }

        private static byte[] Flip(byte[] bytes, Random random)
        {
            var copy = (byte[])bytes.Clone();
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
            return copy;
        }

        private static async Task SwapAsync(ApplicationDbContext db, AuditEntry a, AuditEntry b)
        {
            var (first, second) = (a.Sequence, b.Sequence);
            db.Entry(a).Property(e => e.Sequence).CurrentValue = -1;
            await db.SaveChangesAsync();
            db.Entry(b).Property(e => e.Sequence).CurrentValue = first;
            await db.SaveChangesAsync();
            db.Entry(a).Property(e => e.Sequence).CurrentValue = second;
            await db.SaveChangesAsync();
        }

        /// <summary>Makes room by renumbering from the end, then slips in a forged entry that claims to follow its predecessor.</summary>
        private static async Task InsertBeforeAsync(ApplicationDbContext db, List<AuditEntry> entries, AuditEntry victim, Random random)
        {
            var (sequence, previous, at, chain) = (victim.Sequence, victim.PreviousHash, victim.OccurredAt, victim.OrganisationId);
            foreach (var entry in entries.Where(e => e.Sequence >= sequence).OrderByDescending(e => e.Sequence))
            {
                db.Entry(entry).Property(e => e.Sequence).CurrentValue = entry.Sequence + 1;
                await db.SaveChangesAsync();
            }

            var forgedKey = new byte[32];
            random.NextBytes(forgedKey);
            var entityId = Guid.CreateVersion7();
            db.Add(new AuditEntry(Guid.CreateVersion7(), chain, sequence, at, null, null, AuditActions.Read, "Beneficiary", entityId, AuditOutcomes.Success, previous,
                AuditChain.ComputeHash(forgedKey, previous, chain, sequence, at, null, null, AuditActions.Read, "Beneficiary", entityId, AuditOutcomes.Success)));
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Sixty_four_concurrent_writers_all_succeed_and_the_chain_has_one_entry_each()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var before = await CountAsync(e => e.OrganisationId == Fixture.OrganisationA && e.Action == AuditActions.Create && e.EntityType == "Beneficiary" && e.Outcome == AuditOutcomes.Success);
        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => client.PostAsync("/api/v1/beneficiaries", Body(Beneficiary($"Concurrent Writer {i}")))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            ids.Add((Guid)(await response.ReadObjectAsync(HttpStatusCode.Created))["id"]!);
        }

        Assert.Equal(before + 64, await CountAsync(e => e.OrganisationId == Fixture.OrganisationA && e.Action == AuditActions.Create && e.EntityType == "Beneficiary" && e.Outcome == AuditOutcomes.Success));
        foreach (var id in ids)
        {
            Assert.Equal(1, await CountAsync(e => e.EntityId == id));
        }

        Assert.True((await VerifyAsync(Fixture.OrganisationA, null)).Intact);
    }

    [Fact]
    public async Task Concurrent_reads_committed_in_groups_leave_one_entry_each_beside_concurrent_writes()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var beneficiaries = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            beneficiaries.Add(await client.RegisterAsync(Beneficiary($"Grouped Reader {i}")));
        }

        // 96 reads (group-committed) race 8 writes (each in its command's transaction) for the same chain's head.
        var reads = Enumerable.Range(0, 96).Select(i => client.GetAsync($"/api/v1/beneficiaries/{beneficiaries[i % 8]}"));
        var writes = Enumerable.Range(0, 8).Select(i => client.PostAsync("/api/v1/beneficiaries", Body(Beneficiary($"Grouped Writer {i}"))));
        var responses = await Task.WhenAll(reads.Concat(writes));
        Assert.All(responses.Take(96), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses.Skip(96), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        foreach (var id in beneficiaries)
        {
            Assert.Equal(12, await CountAsync(e => e.EntityId == id && e.Action == AuditActions.Read && e.Outcome == AuditOutcomes.Success));
        }

        Assert.True((await VerifyAsync(Fixture.OrganisationA, null)).Intact);
    }
}
