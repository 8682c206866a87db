using BenchmarkDotNet.Attributes;
using CaseManagement.Application;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Organisations;
using CaseManagement.Infrastructure;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Benchmarks;

/// <summary>
/// Issue 12 item 6: reading 1,000 beneficiaries with all their personal fields through EF Core.
/// Encrypted: the product's ApplicationDbContext on SQLite, whose instantiation binding
/// decrypts the eight personal fields of each row. Plaintext: a plain DbContext mapping the same
/// <see cref="Beneficiary"/> class to a table holding the same fields as text. Goal: ≤ 1.5×.
/// </summary>
[MemoryDiagnoser]
public class MaterialisationBenchmarks
{
    private const int Count = 1_000;
    private static readonly Guid Organisation = new("0195a000-0000-7000-8000-000000000002");

    private IHost _host = null!;
    private IServiceScope _scope = null!;
    private ApplicationDbContext _encrypted = null!;
    private PlainContext _plain = null!;
    private string _directory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("casemgmt-bench-read-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:CaseManagement"] = $"Data Source={Path.Combine(_directory, "encrypted.db")}",
            ["Encryption:MasterKey"] = Convert.ToBase64String(new byte[32]),
            ["Jobs:Enabled"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
        builder.Services.AddScoped<ICurrentUser, BenchCaller>();
        _host = builder.Build();

        var people = Enumerable.Range(0, Count).Select(Person).ToList();
        using (var seed = _host.Services.CreateScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            db.Database.Migrate();
            db.Organisations.Add(new Organisation(Organisation, "Benchmark organisation", DateTimeOffset.UtcNow));
            db.SaveChanges();
            seed.ServiceProvider.GetRequiredService<IDataKeyProvisioner>().Provision(Organisation);
            db.SaveChanges();
            db.Beneficiaries.AddRange(people);
            db.SaveChanges();
        }

        _plain = new PlainContext(Path.Combine(_directory, "plain.db"));
        _plain.Database.EnsureCreated();
        _plain.AddRange(Enumerable.Range(0, Count).Select(Person));
        _plain.SaveChanges();
        _plain.ChangeTracker.Clear();

        _scope = _host.Services.CreateScope();
        _encrypted = _scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        if (Encrypted().Count != Count || Plaintext().Count != Count || Encrypted()[7].NationalId != Plaintext()[7].NationalId)
        {
            throw new InvalidOperationException("The two tables do not hold the same people.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _scope.Dispose();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public List<Beneficiary> Plaintext() =>
        [.. _plain.Set<Beneficiary>().AsNoTracking().Where(b => b.OrganisationId == Organisation).OrderBy(b => b.Id)];

    [Benchmark]
    public List<Beneficiary> Encrypted() =>
        [.. _encrypted.Beneficiaries.IgnoreQueryFilters().AsNoTracking().Where(b => b.OrganisationId == Organisation).OrderBy(b => b.Id)];

    private static Beneficiary Person(int i)
    {
        var id = new Guid($"0195a000-0000-7000-9000-{i:D12}");
        var details = new PersonalDetails(
            $"Maria Elena Popescu {i}", [$"Mari {i}", "Lena"], $"2{900101000000 + i}", new DateOnly(1980 + i % 30, 1 + i % 12, 1 + i % 28),
            $"+40 712 {i:D6}", $"Str. Exemplu {i}, bl. 4, sc. B, ap. 12, Iasi", "Romanian",
            "Identified at the border crossing; accompanied by a social worker of the partner organisation to the shelter.");
        var profile = new BeneficiaryProfile(
            Enum.GetValues<Sex>()[i % Enum.GetValues<Sex>().Length], AgeBand.From26To35, false,
            ExploitationTypes.Labour, "IT", 2020 + i % 5, Enum.GetValues<ReferralSourceKind>()[i % Enum.GetValues<ReferralSourceKind>().Length]);
        return new Beneficiary(id, Organisation, details, profile, DateTimeOffset.UnixEpoch.AddDays(19_000 + i));
    }

    /// <summary>The same class, its personal properties in ordinary text columns.</summary>
    private sealed class PlainContext(string path) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite($"Data Source={path}");

        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
            configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            var beneficiary = modelBuilder.Entity<Beneficiary>();
            beneficiary.Property(b => b.Id).ValueGeneratedNever();
            beneficiary.Property(b => b.ExploitationTypes).HasConversion<int>();
            beneficiary.Property(b => b.Aliases).HasConversion(
                a => string.Join('\n', a), s => s.Split('\n', StringSplitOptions.None),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<string>>((x, y) => x!.SequenceEqual(y!), a => a.Count));
            beneficiary.HasIndex(b => b.OrganisationId);
        }
    }
}
