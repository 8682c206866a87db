using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Beneficiaries;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>Changing the blind-index bits and running <c>reindex</c>: search finds the people again.</summary>
public abstract class BlindIndexSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task After_the_bits_change_reindex_lets_search_by_national_id_and_by_name_and_birth_date_find_people_again()
    {
        // An organisation of its own: the re-index below runs under other bits than the rest of the fixture.
        var org = await Fixture.CreateOrganisationAsync("Fundatia Reindex " + Guid.NewGuid().ToString("N")[..8]);
        var (client, _) = await Fixture.NewUserClientAsync(org, Roles.SocialWorker);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await client.RegisterAsync(Beneficiary($"Reindexed Person {i}", $"RIX{i:D6}", $"1980-02-{i + 10}")));
        }

        // Another process of the same deployment, configured for a million people per organisation.
        await using var grown = Fixture.Host.WithWebHostBuilder(host => host.UseSetting("Encryption:BlindIndex:ExpectedRows", "1000000"));
        var bits = grown.Services.GetRequiredService<BlindIndexer>().Bits;
        Assert.Equal(15, bits[("Beneficiary", "NationalId")]);
        Assert.Equal(15, bits[("Beneficiary", "FullName")]);
        Assert.Equal(13, bits[("Beneficiary", "DateOfBirth")]); // capped below the ~14.4 bits of birth dates that occur

        // Until the re-index, the rows still carry 8-bit values, which the new bits do not look for.
        Assert.Empty(await ByNationalIdAsync(grown.Services, org, "RIX000003"));

        var service = grown.Services.GetRequiredService<ReIndexService>();
        var first = await service.RunAsync(batchSize: 2, organisationId: org);
        Assert.Equal(new ReIndexResult(5, 5), first);

        Assert.Equal([ids[3]], await ByNationalIdAsync(grown.Services, org, "rix-000003"));
        Assert.Equal([ids[2]], await ByNameAndBirthAsync(grown.Services, org, "Person 2 Reindexed", new DateOnly(1980, 2, 12)));
        Assert.Equal(ids.Order(), await ByNameAndBirthAsync(grown.Services, org, "Ani", null)); // aliases were re-indexed too
        Assert.Equal([ids[4]], await ByNameAndBirthAsync(grown.Services, org, "Ani", new DateOnly(1980, 2, 14)));
        var stored = await Fixture.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().Where(b => b.OrganisationId == org)
            .Select(b => new { NationalId = EF.Property<int?>(b, "NationalIdIndex"), Birth = EF.Property<int?>(b, "DateOfBirthIndex") }).ToListAsync());
        Assert.All(stored, s => Assert.InRange(s.NationalId!.Value, 0, (1 << 15) - 1));
        Assert.All(stored, s => Assert.InRange(s.Birth!.Value, 0, (1 << 13) - 1));

        // Idempotent: a second run reads every row and rewrites none.
        Assert.Equal(new ReIndexResult(5, 0), await service.RunAsync(batchSize: 3, organisationId: org));

        // Back to the fixture's settings: this process's re-index restores what its search looks for.
        Assert.Equal(new ReIndexResult(5, 5), await Fixture.Services.GetRequiredService<ReIndexService>().RunAsync(organisationId: org));
        var found = await (await client.PostJsonAsync("/api/v1/beneficiaries/search", new { fullName = "Ani", dateOfBirth = "1980-02-11" })).ReadObjectsAsync();
        Assert.Equal([ids[1]], found.Select(b => (Guid)b!["id"]!));
    }

    private static Task<List<Guid>> ByNationalIdAsync(IServiceProvider services, Guid org, string nationalId) =>
        FindAsync(services, org, (search, rows) => search.WhereMayEqual(rows, nameof(Domain.Beneficiaries.Beneficiary.NationalId), nationalId),
            b => BeneficiaryMatching.NormaliseNationalId(b.NationalId ?? "") == BeneficiaryMatching.NormaliseNationalId(nationalId));

    private static Task<List<Guid>> ByNameAndBirthAsync(IServiceProvider services, Guid org, string name, DateOnly? birth)
    {
        var wanted = BeneficiaryMatching.NormaliseName(name);
        return FindAsync(services, org,
            (search, rows) => birth is { } d ? search.WhereMayEqual(search.WhereNameMayEqual(rows, name), nameof(Domain.Beneficiaries.Beneficiary.DateOfBirth), d) : search.WhereNameMayEqual(rows, name),
            b => (BeneficiaryMatching.NormaliseName(b.FullName) == wanted || b.Aliases.Any(a => BeneficiaryMatching.NormaliseName(a) == wanted))
                 && (birth is null || b.DateOfBirth == birth));
    }

    /// <summary>What search does (blind index in the database, exact comparison after decryption), as that host's system.</summary>
    private static async Task<List<Guid>> FindAsync(
        IServiceProvider services, Guid org, Func<IBlindIndexSearch, IQueryable<Beneficiary>, IQueryable<Beneficiary>> filter, Func<Beneficiary, bool> exact)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(org);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var rows = await filter(scope.ServiceProvider.GetRequiredService<IBlindIndexSearch>(), db.Beneficiaries.AsNoTracking()).ToListAsync();
        return [.. rows.Where(exact).Select(b => b.Id).Order()];
    }
}
