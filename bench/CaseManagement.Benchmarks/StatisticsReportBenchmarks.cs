using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CaseManagement.Application;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Statistics.Disclosure;
using CaseManagement.Application.Statistics.Releases;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Statistics;
using CaseManagement.Infrastructure;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CaseManagement.Benchmarks;

/// <summary>
/// The yearly report on PostgreSQL with 20 organisations and 1,000,000 service episodes: the
/// product's statistics reader (EF Core, GROUP BY and COUNT(DISTINCT) in the database) against a
/// hand-written SQL query computing the same groups, and the whole release (reading, laying out,
/// suppressing and auditing). Needs CASEMGMT_BENCH_POSTGRES, a connection string to a server where
/// it may create and drop the database casemgmt_bench_statistics.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class StatisticsReportBenchmarks
{
    private const string Database = "casemgmt_bench_statistics";
    private const int Organisations = 20;
    private const int Beneficiaries = 400_000;
    private const int Episodes = 1_000_000;
    private static readonly StatisticsPeriod Year = StatisticsPeriod.OfYear(2024);

    private Microsoft.Extensions.Hosting.IHost _host = null!;
    private string _connection = null!;

    [GlobalSetup]
    public void Setup()
    {
        var server = Environment.GetEnvironmentVariable("CASEMGMT_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set CASEMGMT_BENCH_POSTGRES to a PostgreSQL connection string (see docs/benchmarks.md).");
        _connection = new NpgsqlConnectionStringBuilder(server) { Database = Database }.ConnectionString;
        var seeded = IsSeeded(server);
        if (!seeded)
        {
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            Execute(admin, $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
            Execute(admin, $"CREATE DATABASE {Database}");
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:CaseManagement"] = _connection,
            // Fixed, so that the pseudonyms sealed by the seeding process open in every later one.
            ["Encryption:MasterKey"] = Convert.ToBase64String(new byte[32]),
            ["Jobs:Enabled"] = "false",
        });
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
        builder.Services.AddScoped<ICurrentUser, BenchCaller>();
        _host = builder.Build();
        using (var scope = _host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database.Migrate();
        }

        using var seed = new NpgsqlConnection(_connection);
        seed.Open();
        if (!seeded)
        {
            Seed(seed); // each benchmark runs in a process of its own; the first one seeds for all
        }

        using var sealedCount = new NpgsqlCommand("SELECT count(*) FROM \"Beneficiaries\" WHERE \"SealedPlatformPseudonym\" IS NOT NULL", seed);
        if (sealedCount.ExecuteScalar() is 0L)
        {
            SealPseudonyms(seed, _host.Services.GetRequiredService<IPlatformPseudonyms>());
        }
    }

    /// <summary>
    /// A sealed platform pseudonym for every beneficiary, as registration stores it: 29,999 people
    /// have a record at two organisations (the national ids of b and b + 370,001 are equal).
    /// </summary>
    private static void SealPseudonyms(NpgsqlConnection connection, IPlatformPseudonyms pseudonyms)
    {
        Execute(connection, "CREATE TEMP TABLE sealed (id uuid PRIMARY KEY, pseudonym bytea NOT NULL)");
        using (var writer = connection.BeginBinaryImport("COPY sealed (id, pseudonym) FROM STDIN (FORMAT BINARY)"))
        {
            for (var b = 1; b <= Beneficiaries; b++)
            {
                var details = new PersonalDetails("Bench Person", [], $"RO{b % 370_001:D9}", null, null, null, null, null);
                writer.StartRow();
                writer.Write(Guid.Parse($"10000000-0000-0000-0000-{b:x12}"), NpgsqlTypes.NpgsqlDbType.Uuid);
                writer.Write(pseudonyms.Seal(details)!, NpgsqlTypes.NpgsqlDbType.Bytea);
            }

            writer.Complete();
        }

        Execute(connection, """UPDATE "Beneficiaries" b SET "SealedPlatformPseudonym" = s.pseudonym FROM sealed s WHERE s.id = b."Id"; DROP TABLE sealed""");
        Execute(connection, """VACUUM FULL ANALYZE "Beneficiaries" """); // the update left a dead copy of every row
    }

    private static bool IsSeeded(string server)
    {
        using var admin = new NpgsqlConnection(server);
        admin.Open();
        using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Database}'", admin);
        if (exists.ExecuteScalar() is null)
        {
            return false;
        }

        // Unpooled: a pooled connection to the database would be cut by the DROP … WITH (FORCE) that may follow.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = Database, Pooling = false }.ConnectionString);
        connection.Open();
        using var table = new NpgsqlCommand("SELECT to_regclass('\"ServiceEpisodes\"') IS NOT NULL", connection);
        if (table.ExecuteScalar() is not true)
        {
            return false;
        }

        using var count = new NpgsqlCommand("SELECT count(*) FROM \"ServiceEpisodes\"", connection);
        return count.ExecuteScalar() is long rows && rows == Episodes;
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>
    /// The reader's work, hand-written: per person and organisation which services they had, then
    /// per attribute combination how many people had each and how many had any; alongside, on a
    /// second connection, the sealed pseudonyms of the people served, opened and counted the same way
    /// (no SQL can compare sealed values).
    /// </summary>
    [Benchmark(Baseline = true)]
    public async Task<long> HandWrittenSql()
    {
        var deduplicated = DeduplicatedByHandAsync();
        var groups = CountGroupsAsync(
            $"""
            SELECT p."OrganisationId", b."Sex", b."AgeBandAtIdentification", b."ExploitationTypes",
                   {string.Join(", ", ServiceTypes.Select(t => $"count(*) FILTER (WHERE p.\"{t}\")"))}, count(*)
            FROM (SELECT c."BeneficiaryId", e."OrganisationId", {string.Join(", ", ServiceTypes.Select(t => $"bool_or(e.\"Type\" = '{t}') AS \"{t}\""))}
                  FROM "ServiceEpisodes" e
                  JOIN "Cases" c ON c."Id" = e."CaseId"
                  WHERE e."StartDate" <= @end AND (e."EndDate" IS NULL OR e."EndDate" >= @start)
                  GROUP BY c."BeneficiaryId", e."OrganisationId") p
            JOIN "Beneficiaries" b ON b."Id" = p."BeneficiaryId"
            GROUP BY p."OrganisationId", b."Sex", b."AgeBandAtIdentification", b."ExploitationTypes"
            """);
        return await groups + await deduplicated;
    }

    private async Task<long> DeduplicatedByHandAsync()
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT b."SealedPlatformPseudonym" FROM "Beneficiaries" b
            WHERE b."Id" IN (SELECT c."BeneficiaryId" FROM "ServiceEpisodes" e JOIN "Cases" c ON c."Id" = e."CaseId"
                             WHERE e."StartDate" <= @end AND (e."EndDate" IS NULL OR e."EndDate" >= @start))
            """, connection);
        command.Parameters.AddWithValue("start", Year.Start);
        command.Parameters.AddWithValue("end", Year.End);
        await using var reader = await command.ExecuteReaderAsync();
        return await _host.Services.GetRequiredService<PlatformPseudonyms>().CountPeopleAsync(Values(reader), CancellationToken.None);

        static async IAsyncEnumerable<byte[]?> Values(NpgsqlDataReader reader)
        {
            while (await reader.ReadAsync())
            {
                yield return reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
            }
        }
    }

    /// <summary>The same counts the obvious way: one COUNT(DISTINCT …) statement per grouping, each sorting every overlapping episode.</summary>
    [Benchmark]
    public async Task<int> HandWrittenCountDistinct()
    {
        var groups = 0;
        foreach (var grouping in new[] { "e.\"Type\", ", string.Empty })
        {
            groups += await CountGroupsAsync(
                $"""
                SELECT {grouping}e."OrganisationId", b."Sex", b."AgeBandAtIdentification", b."ExploitationTypes", COUNT(DISTINCT b."Id")
                FROM "ServiceEpisodes" e
                JOIN "Cases" c ON c."Id" = e."CaseId"
                JOIN "Beneficiaries" b ON b."Id" = c."BeneficiaryId"
                WHERE e."StartDate" <= @end AND (e."EndDate" IS NULL OR e."EndDate" >= @start)
                GROUP BY {grouping}e."OrganisationId", b."Sex", b."AgeBandAtIdentification", b."ExploitationTypes"
                """);
        }

        return groups;
    }

    [Benchmark]
    public async Task<int> StatisticsReader()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var input = await scope.ServiceProvider.GetRequiredService<IStatisticsSource>().ReadAsync(Year, null, CancellationToken.None);
        return input.Populations.Count;
    }

    /// <summary>Everything a freeze does but the insert: read, lay out, suppress and audit.</summary>
    [Benchmark]
    public async Task<int> WholeRelease()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var input = await scope.ServiceProvider.GetRequiredService<IStatisticsSource>().ReadAsync(Year, null, CancellationToken.None);
        var layout = ReleaseLayout.For(input, byOrganisation: true);
        scope.ServiceProvider.GetRequiredService<DisclosureControl>().Apply(layout.Problem, 5);
        return layout.Problem.Suppressed.Count(s => s);
    }

    /// <summary>
    /// Rows straight into the tables (the figures read no personal column, so those stay empty):
    /// organisations, beneficiaries with mixed attributes, a case each, and episodes of every type
    /// over 2023–2025, about a third of them overlapping 2024.
    /// </summary>
    private static void Seed(NpgsqlConnection connection)
    {
        Execute(connection, $"""
            INSERT INTO "Organisations" ("Id", "Name", "CreatedAt", "IsDisabled")
            SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(o), 12, '0'))::uuid, 'Organisation ' || o, now(), false
            FROM generate_series(1, {Organisations}) o;
            INSERT INTO "Beneficiaries" ("Id", "OrganisationId", "RegisteredAt", "Version", "DataKeyVersion", "Sex", "AgeBandAtIdentification",
                "MinorAtIdentification", "ExploitationTypes", "YearOfIdentification", "ReferralSource")
            SELECT ('10000000-0000-0000-0000-' || lpad(to_hex(b), 12, '0'))::uuid,
                   ('00000000-0000-0000-0000-' || lpad(to_hex(1 + b % {Organisations}), 12, '0'))::uuid, now(), 0, 1,
                   (ARRAY['Female','Male','Other','Unknown'])[1 + b % 4],
                   (ARRAY['Under14','From14To17','From18To25','From26To35','From36To50','Over50','Unknown'])[1 + b % 7],
                   b % 7 < 2, (ARRAY[1, 2, 4, 8, 3, 0])[1 + b % 6], 2023, 'Police'
            FROM generate_series(1, {Beneficiaries}) b;
            INSERT INTO "Cases" ("Id", "OrganisationId", "BeneficiaryId", "Version", "DataKeyVersion", "Status", "OpenedOn", "LastActivityOn")
            SELECT ('20000000-0000-0000-0000-' || lpad(to_hex(b), 12, '0'))::uuid,
                   ('00000000-0000-0000-0000-' || lpad(to_hex(1 + b % {Organisations}), 12, '0'))::uuid,
                   ('10000000-0000-0000-0000-' || lpad(to_hex(b), 12, '0'))::uuid, 0, 1, 'Active', DATE '2023-01-01', DATE '2025-12-31'
            FROM generate_series(1, {Beneficiaries}) b;
            INSERT INTO "ServiceEpisodes" ("Id", "OrganisationId", "CaseId", "Type", "StartDate", "EndDate", "Status")
            SELECT ('30000000-0000-0000-0000-' || lpad(to_hex(e), 12, '0'))::uuid,
                   ('00000000-0000-0000-0000-' || lpad(to_hex(1 + (e % {Beneficiaries} + 1) % {Organisations}), 12, '0'))::uuid,
                   ('20000000-0000-0000-0000-' || lpad(to_hex(e % {Beneficiaries} + 1), 12, '0'))::uuid,
                   (ARRAY['Residential','DayCentre','Reintegration','CriminalProcedureAssistance','Repatriation','Counselling'])[1 + e % 6],
                   DATE '2023-01-01' + ((e::bigint * 7919) % 1000)::int, CASE WHEN e % 5 = 0 THEN NULL ELSE DATE '2023-01-01' + ((e::bigint * 7919) % 1000)::int + e % 120 END,
                   CASE WHEN e % 5 = 0 THEN 'Ongoing' ELSE 'Ended' END
            FROM generate_series(1, {Episodes}) e;
            ANALYZE;
            """);
    }

    private static readonly string[] ServiceTypes = Enum.GetNames<ServiceType>();

    private async Task<int> CountGroupsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("start", Year.Start);
        command.Parameters.AddWithValue("end", Year.End);
        await using var reader = await command.ExecuteReaderAsync();
        var groups = 0;
        while (await reader.ReadAsync())
        {
            groups++;
        }

        return groups;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.ExecuteNonQuery();
    }
}
