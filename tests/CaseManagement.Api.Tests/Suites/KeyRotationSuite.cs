using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Common;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence.PersonalData;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>Rotation on a real database: new writes use the new key, re-encryption leaves nothing under the old one.</summary>
public abstract class KeyRotationSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task Rotation_keeps_old_values_readable_and_reencryption_in_batches_leaves_none_under_the_old_key()
    {
        // Organisation B only: the other suites of this fixture write to A concurrently.
        var org = Fixture.OrganisationB;
        var client = await Fixture.ClientAsync(org);
        var ids = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            var id = await client.RegisterAsync(Beneficiary($"Rotated Person {i}", $"ROT{i:D6}"));
            var opened = await client.OpenCaseAsync(id, Fixture.DaysAgo(400));
            var caseId = (Guid)opened["id"]!;
            await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content = $"note {i}" })).ReadObjectAsync(HttpStatusCode.Created);
            await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version = 1, reason = "Other", note = $"closure {i}", closedOn = Fixture.DaysAgo(373) })).ReadObjectAsync(HttpStatusCode.OK);
            ids.Add(id);
        }

        var keys = Fixture.Services.GetRequiredService<KeyRing>();
        var oldVersion = keys.Active(org).Version;
        var newVersion = await keys.RotateAsync(org, CancellationToken.None);
        Assert.Equal(oldVersion + 1, newVersion);

        // Old values still read; a new registration is sealed under the new key at once.
        var read = await (await client.GetAsync($"/api/v1/beneficiaries/{ids[0]}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("Rotated Person 0", (string?)read["fullName"]);
        var fresh = await client.RegisterAsync(Beneficiary("Fresh Person"));
        Assert.All(await StoredKeyVersionsAsync(org, fresh), v => Assert.Equal(newVersion, v));
        Assert.Contains(oldVersion, await StoredKeyVersionsAsync(org));

        var versionsBefore = await RowVersionsAsync(org);
        // Re-sealing is no activity either: a case that was quiet stays quiet.
        var quietSince = Fixture.Today().AddDays(-100);
        await Fixture.WithDbAsync(db => db.Cases.IgnoreQueryFilters().Where(c => ids.Contains(c.BeneficiaryId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityOn, quietSince)));
        var rewritten = await Fixture.Services.GetRequiredService<ReEncryptionService>().RunAsync(batchSize: 7);
        Assert.True(await Fixture.WithDbAsync(db => db.Cases.IgnoreQueryFilters().Where(c => ids.Contains(c.BeneficiaryId)).AllAsync(c => c.LastActivityOn == quietSince)));

        Assert.True(rewritten >= 23 * 3, $"only {rewritten} rows rewritten");
        Assert.All(await StoredKeyVersionsAsync(org), v => Assert.Equal(newVersion, v));
        Assert.Equal(versionsBefore, await RowVersionsAsync(org)); // re-sealing is not an edit
        Assert.Equal(0, await Fixture.Services.GetRequiredService<ReEncryptionService>().RunAsync());

        // Everything still reads, and search still works: indexes survive rotation.
        var notes = await (await client.GetAsync($"/api/v1/cases?beneficiaryId={ids[22]}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("closure 22", (string?)notes["items"]![0]!["closureNote"]);
        var found = await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { nationalId = "ROT000013" })).ReadObjectsAsync();
        Assert.Equal([ids[13]], found.Select(b => (Guid)b!["id"]!));
    }

    [Fact]
    public async Task Reencryption_wraps_live_referral_keys_again_under_the_newest_key_and_never_revives_a_destroyed_one()
    {
        var receiver = await Fixture.CreateOrganisationAsync("Rotating Receiver " + Guid.NewGuid().ToString("N")[..8]);
        var sender = await Fixture.ClientAsync(Fixture.OrganisationA);
        var (_, caseId, consentId) = await ReferralFlow.ReferrableCaseAsync(sender, Fixture, receiver, Beneficiary("Rewrapped Person"), "FullName");
        var live = (Guid)(await ReferralFlow.SendAsync(sender, ReferralFlow.Referral(caseId, receiver, consentId, "Live.", "FullName")))["id"]!;
        var gone = (Guid)(await ReferralFlow.SendAsync(sender, ReferralFlow.Referral(caseId, receiver, consentId, "Gone.")))["id"]!;
        await (await sender.PostJsonAsync($"/api/v1/referrals/sent/{gone}/withdrawal", new { })).ReadObjectAsync(HttpStatusCode.OK);

        var keys = Fixture.Services.GetRequiredService<KeyRing>();
        var oldVersion = keys.Active(receiver).Version;
        var newVersion = await keys.RotateAsync(receiver, CancellationToken.None);
        await Fixture.Services.GetRequiredService<ReEncryptionService>().RunAsync();

        var shares = await Fixture.WithDbAsync(db => db.ReferralShares.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == live || s.Id == gone).ToDictionaryAsync(s => s.Id));
        Assert.Equal(newVersion, shares[live].WrappingKeyVersion);
        Assert.Equal("Ani", Fixture.Services.GetRequiredService<IReferralSeal>().Open(shares[live])!.FirstNameOrAlias); // the copy opens under the new wrap
        Assert.Equal((null, oldVersion), (shares[gone].WrappedKey, shares[gone].WrappingKeyVersion));
    }

    [Fact]
    public async Task A_replica_with_a_stale_key_cache_never_moves_a_row_back_to_an_older_key()
    {
        // An organisation of its own, whose newest key this host has just cached.
        Guid org;
        await using (var scope = Fixture.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(null))
        {
            org = (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(
                new Application.Organisations.Commands.CreateOrganisation.CreateOrganisationCommand($"Fundatia Replica {Guid.NewGuid():N}", $"admin.{Guid.NewGuid():N}"))).Id;
        }

        var (client, _) = await Fixture.NewUserClientAsync(org, Application.Common.Security.Roles.SocialWorker);
        var id = await client.RegisterAsync(Beneficiary("Replica Person"));
        var stale = Fixture.Services.GetRequiredService<KeyRing>();
        Assert.Equal(1, stale.Active(org).Version);

        // Another replica rotates and rewrites the row under key 2; this host's cache still says 1.
        await using var replica = Fixture.Host.WithWebHostBuilder(_ => { });
        var fresh = replica.Services.GetRequiredService<KeyRing>();
        Assert.Equal(2, await fresh.RotateAsync(org, CancellationToken.None));
        Assert.Equal(1, await replica.Services.GetRequiredService<ReEncryptionService>().RunAsync());
        Assert.All(await StoredKeyVersionsAsync(org, id), v => Assert.Equal(2, v));
        Assert.Equal(1, stale.Active(org).Version);

        // This host edits the row: it reads key 2, and writes key 2, not its stale 1.
        var body = Beneficiary("Replica Person Renamed");
        body["version"] = 0;
        await (await client.PutAsync($"/api/v1/beneficiaries/{id}", Body(body))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.All(await StoredKeyVersionsAsync(org, id), v => Assert.Equal(2, v));
        Assert.Equal("Replica Person Renamed", (string?)(await (await client.GetAsync($"/api/v1/beneficiaries/{id}")).ReadObjectAsync(HttpStatusCode.OK))["fullName"]);
    }

    [Fact]
    public async Task Notes_of_different_lengths_are_stored_with_one_length()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationB);
        var caseId = (Guid)(await client.OpenCaseAsync(await client.RegisterAsync(Beneficiary("Padded Person")), Fixture.DaysAgo(400)))["id"]!;
        foreach (var content in new[] { "Short.", "A longer therapy note: " + new string('x', 200) })
        {
            await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content })).ReadObjectAsync(HttpStatusCode.Created);
        }

        var lengths = await Fixture.WithDbAsync(db => db.CaseNotes.IgnoreQueryFilters().Where(n => n.CaseId == caseId)
            .Select(n => EF.Property<byte[]>(n, "ContentCipher")).ToListAsync());
        Assert.Equal(2, lengths.Count);
        Assert.Single(lengths.Select(c => c.Length).Distinct());
    }

    /// <summary>The key version in the header of every stored ciphertext of the organisation (or of one row).</summary>
    private Task<List<int>> StoredKeyVersionsAsync(Guid organisation, Guid? row = null) => Fixture.WithDbAsync(async db =>
    {
        var versions = new List<int>();
        versions.AddRange(await CiphertextsAsync(db.Beneficiaries, organisation, row));
        versions.AddRange(await CiphertextsAsync(db.Cases, organisation, row));
        versions.AddRange(await CiphertextsAsync(db.CaseNotes, organisation, row));
        return versions;
    });

    private static async Task<IEnumerable<int>> CiphertextsAsync<T>(DbSet<T> set, Guid organisation, Guid? row)
        where T : class, IOrganisationOwned
    {
        var versions = new List<int>();
        foreach (var property in PersonalDataModel.For(typeof(T))!.Properties)
        {
            var stored = await set.IgnoreQueryFilters()
                .Where(e => e.OrganisationId == organisation && (row == null || e.Id == row))
                .Select(e => EF.Property<byte[]?>(e, property.CipherProperty))
                .ToListAsync();
            versions.AddRange(stored.OfType<byte[]>().Select(c => FieldEnvelope.ReadKeyVersion(c)));
        }

        return versions;
    }

    private Task<string> RowVersionsAsync(Guid organisation) => Fixture.WithDbAsync(async db =>
    {
        var beneficiaries = await db.Beneficiaries.IgnoreQueryFilters().Where(b => b.OrganisationId == organisation).OrderBy(b => b.Id).Select(b => b.Version).ToListAsync();
        var cases = await db.Cases.IgnoreQueryFilters().Where(c => c.OrganisationId == organisation).OrderBy(c => c.Id).Select(c => c.Version).ToListAsync();
        return string.Join(',', beneficiaries) + "|" + string.Join(',', cases);
    });
}
