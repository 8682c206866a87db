using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
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
            var opened = await client.OpenCaseAsync(id);
            var caseId = (Guid)opened["id"]!;
            await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content = $"note {i}" })).ReadObjectAsync(HttpStatusCode.Created);
            await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version = 1, reason = "Other", note = $"closure {i}", closedOn = "2026-02-01" })).ReadObjectAsync(HttpStatusCode.OK);
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
        var rewritten = await Fixture.Services.GetRequiredService<ReEncryptionService>().RunAsync(batchSize: 7);

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
