using System.Security.Cryptography;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Domain.Common;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseManagement.Api.Tests;

/// <summary>The EF Core model of each provider: personal data only as ciphertext, and migrations that match the model.</summary>
public sealed class PersistenceModelTests(PersistenceModelTests.Hosts hosts) : IClassFixture<PersistenceModelTests.Hosts>
{
    /// <summary>The text columns allowed in clear. A new one must be added here on purpose, after asking whether it is personal.</summary>
    private static readonly HashSet<string> ClearTextColumns =
    [
        "Organisation.Name",
        "Beneficiary.CountryOfExploitation",
        "Repatriation.FromCountry", // as coarse as the country of exploitation; see docs/services.md
        "Repatriation.ToCountry",
        "Notification.Key", // kind, ids and a lead time only
        "SentReferral.IdempotencyKey", // a keyed fingerprint of the client's retry key, never the key itself
        "StatisticsRelease.Period", // a period's name: "2025", "2025-Q3"
        "StatisticsRelease.Tables", // the names of the release's tables
        "StatisticsRelease.ContentHash", // SHA-256 of the published (suppressed) release
        "StatisticsRelease.SourceFingerprint", // a keyed fingerprint of the unsuppressed counts, never the counts
        "LegalCase.OffenceCategory", // a code from the configured list
        "LegalCase.Currency",
        "OrganisationKey.MasterKeyId",
        "AuditEntry.Action",
        "AuditEntry.ClientId",
        "AuditEntry.EntityType",
        "AuditEntry.Outcome",
        "PasskeyChallenge.Purpose", // sign-in or registration
        "PasskeyChallenge.SecurityStamp", // the staff account's stamp: random, and only ever compared
        "PasskeyChallenge.State", // a passkey challenge and a staff account's id and user name, for three minutes; no beneficiary's data
    ];

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Personal_properties_are_stored_only_as_ciphertext(DatabaseProvider provider)
    {
        await WithContextAsync(provider, db =>
        {
            var checkedProperties = 0;
            foreach (var entityType in db.Model.GetEntityTypes())
            {
                foreach (var property in entityType.ClrType.GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute), true)))
                {
                    Assert.True(entityType.FindProperty(property.Name) is null, $"{entityType.ClrType.Name}.{property.Name} is mapped in clear");
                    var cipher = entityType.FindProperty(property.Name + "Cipher");
                    Assert.True(cipher is not null && cipher.IsShadowProperty() && cipher.ClrType == typeof(byte[]), $"{entityType.ClrType.Name}.{property.Name} has no ciphertext column");
                    checkedProperties++;
                }
            }

            // 8 on Beneficiary, Case.ClosureNote, CaseNote.Content, ReintegrationGoal.Description, LabourStep.Title and EmployerName,
            // FollowUp.Purpose and Note, Facility's name and address, Repatriation's partner name and contact, LegalCase's venue
            // name and file number, Hearing's court, purpose and outcome, PrivilegedNote.Content, Consent's document reference
            // and witness, SentReferral's reason and request digest, PreventionCampaign.Name, TrainingSession.Topic.
            Assert.Equal(31, checkedProperties);
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task No_text_column_is_stored_in_clear_unless_listed_as_not_personal(DatabaseProvider provider)
    {
        await WithContextAsync(provider, db =>
        {
            // Staff accounts (Identity), OpenID Connect stores and Data Protection keys are the frameworks' own
            // tables: staff log-in names must be searchable in clear. Every table of the case data is checked.
            var textColumns = db.Model.GetEntityTypes()
                .Where(t => t.ClrType.Namespace!.StartsWith("CaseManagement.", StringComparison.Ordinal) && t.ClrType != typeof(CaseManagement.Infrastructure.Identity.ApplicationUser))
                .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
                .Where(x => x.Property.ClrType == typeof(string))
                .Select(x => $"{x.Type.ClrType.Name}.{x.Property.Name}")
                .ToHashSet();
            Assert.Subset(ClearTextColumns, textColumns);
            Assert.Superset(ClearTextColumns, textColumns);
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_checked_in_migrations_match_the_model(DatabaseProvider provider)
    {
        await WithContextAsync(provider, db =>
        {
            Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} model changed: add a migration");
            Assert.NotEmpty(db.Database.GetMigrations());
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_organisation_row_is_filtered_by_tenant(DatabaseProvider provider)
    {
        await WithContextAsync(provider, db =>
        {
            foreach (var entityType in db.Model.GetEntityTypes().Where(t => typeof(IOrganisationOwned).IsAssignableFrom(t.ClrType)))
            {
                Assert.True(entityType.GetDeclaredQueryFilters().Count > 0, $"{entityType.ClrType.Name} has no tenant filter");
            }
        });
    }

    [Fact]
    public async Task The_committed_sql_server_script_is_the_one_the_migrations_generate()
    {
        var committed = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "sql", "CaseManagement.SqlServer.sql"));
        string? generated = null;
        await WithContextAsync(DatabaseProvider.SqlServer, db =>
            generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
        Assert.True(Normalise(committed) == Normalise(generated!), "deploy/sql/CaseManagement.SqlServer.sql is stale: regenerate it (see README, Migrations)");

        static string Normalise(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }

    private Task WithContextAsync(DatabaseProvider provider, Action<ApplicationDbContext> check) => hosts.WithContextAsync(provider, check);

    /// <summary>One real host per provider, shared by the class; nothing connects to a server.</summary>
    public sealed class Hosts : IAsyncDisposable
    {
        private readonly Dictionary<DatabaseProvider, WebApplicationFactory<Program>> _factories = [];

        public async Task WithContextAsync(DatabaseProvider provider, Action<ApplicationDbContext> check)
        {
            WebApplicationFactory<Program> factory;
            lock (_factories)
            {
                if (!_factories.TryGetValue(provider, out factory!))
                {
                    factory = _factories[provider] = Create(provider);
                }
            }

            await using var scope = factory.Services.CreateAsyncScope();
            check(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var factory in _factories.Values)
            {
                await factory.DisposeAsync();
            }
        }

        private static WebApplicationFactory<Program> Create(DatabaseProvider provider)
        {
            var connection = provider switch
            {
                DatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=model",
                DatabaseProvider.SqlServer => "Server=127.0.0.1;Database=model;TrustServerCertificate=true;Connect Timeout=1",
                _ => "Data Source=:memory:",
            };
            return new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            {
                host.UseEnvironment("Testing");
                host.UseSetting("Database:Provider", provider.ToString());
                host.UseSetting("Jobs:Enabled", "false"); // job storage would connect to the server
                host.UseSetting("ConnectionStrings:CaseManagement", connection);
                host.UseSetting("Encryption:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            });
        }
    }
}
