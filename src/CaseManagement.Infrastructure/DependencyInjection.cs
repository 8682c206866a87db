using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Validation;
using CaseManagement.Application.LegalCases;
using CaseManagement.Application.Referrals;
using CaseManagement.Application.Statistics;
using CaseManagement.Infrastructure.Statistics;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Infrastructure.Auditing;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Jobs;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<EncryptionOptions>().Bind(configuration.GetSection(EncryptionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>();
        services.AddOptions<ReferralOptions>().Bind(configuration.GetSection(ReferralOptions.Section))
            .Validate(o => o.AnswerWithinDays is >= 1 and <= 90, "Referrals:AnswerWithinDays must lie between 1 and 90.")
            .ValidateOnStart();
        services.AddOptions<StatisticsOptions>().Bind(configuration.GetSection(StatisticsOptions.Section))
            .PostConfigure(o => o.PeriodKinds = o.PeriodKinds.Count > 0 ? [.. o.PeriodKinds.Distinct()] : [.. StatisticsOptions.DefaultPeriodKinds])
            .Validate(o => o.FreezeAfterDays is >= 0 and <= 366, "Statistics:FreezeAfterDays must lie between 0 and 366.")
            .Validate(o => o.PeriodKinds.All(Enum.IsDefined), "Statistics:PeriodKinds names Month, Quarter or Year.")
            .Validate(o => o.Epsilon is null || (o.Epsilon is >= 0.01 and <= 10 && o.Epsilon <= o.EpsilonBudgetPerPeriod),
                "Statistics:Epsilon lies between 0.01 and 10, and within Statistics:EpsilonBudgetPerPeriod.")
            .Validate(o => o.EpsilonBudgetPerPeriod is >= 0.01 and <= 100, "Statistics:EpsilonBudgetPerPeriod lies between 0.01 and 100.")
            .Validate(o => o.Threshold is >= 2 and <= 100, "Statistics:Threshold (k) must lie between 2 and 100.")
            .Validate(o => o.RevisionWindowMonths is >= 1 and <= 120, "Statistics:RevisionWindowMonths must lie between 1 and 120.")
            .ValidateOnStart();
        services.AddOptions<LegalCaseOptions>().Bind(configuration.GetSection(LegalCaseOptions.Section))
            .PostConfigure(o => o.OffenceCategories = o.OffenceCategories.Count > 0 ? o.OffenceCategories : [.. LegalCaseOptions.DefaultOffenceCategories])
            .Validate(o => o.OffenceCategories.All(c => c.Length is > 0 and <= LegalCaseOptions.MaxCodeLength && TextRules.IsSingleLine(c)),
                $"Each of LegalCases:OffenceCategories is one line of 1 to {LegalCaseOptions.MaxCodeLength} characters.")
            .ValidateOnStart();

        services.AddSingleton<IMasterKeyProvider>(sp => new DeferredMasterKeyProvider(
            () => CreateMasterKeyProvider(sp.GetRequiredService<IOptions<EncryptionOptions>>().Value, environment)));
        services.AddSingleton<IDataKeyStore, EfDataKeyStore>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<FieldEncryptor>();
        services.AddSingleton<BlindIndexer>();
        services.AddSingleton<ReferralSeal>();
        services.AddSingleton<IReferralSeal>(sp => sp.GetRequiredService<ReferralSeal>());
        services.AddSingleton<IRequestFingerprints, RequestFingerprints>();
        services.AddSingleton<IContentDigest, ContentDigest>();
        services.AddSingleton<IReleaseShareSeal, ReleaseShareSeal>();
        services.AddSingleton<IDisclosureAudit, GlopDisclosureAudit>();
        services.AddSingleton<INoiseSource, CryptoNoiseSource>();
        services.AddSingleton<PlatformPseudonyms>();
        services.AddSingleton<IPlatformPseudonyms>(sp => sp.GetRequiredService<PlatformPseudonyms>());
        services.AddSingleton<PersonalDataSnapshots>();
        services.AddSingleton<PersonalDataEncryptor>();
        services.AddSingleton<AliasIndexes>();
        services.AddSingleton<DecryptingBindingInterceptor>();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ConnectionString(configuration, database.Provider, environment);
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            connectionString = WithStatementPreparation(connectionString); // the jobs' too: one connection pool, as before
        }

        services.AddDbContext<ApplicationDbContext>((sp, options) =>
        {
            UseProvider(options, database.Provider, connectionString);
            options.AddInterceptors(sp.GetRequiredService<DecryptingBindingInterceptor>());
            // One host builds one EF service provider; only a process hosting many (the test run)
            // builds more, which is worth a warning in the log, not a failed request.
            options.ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning)
                // EF would log each failed command again, with the exception and its message (which can quote a key
                // value); the use case or the host's exception handler logs the failure once, by type.
                .Log((RelationalEventId.CommandError, LogLevel.Debug), (RelationalEventId.ConnectionError, LogLevel.Debug),
                    (CoreEventId.QueryIterationFailed, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                    (RelationalEventId.TransactionError, LogLevel.Debug)));
        }, optionsLifetime: ServiceLifetime.Singleton); // built once, not for every request's context: nothing in them is per request
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ApplicationDbContext>());
        services.AddScoped<IStatisticsSource, StatisticsSource>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<ApplicationDbContext>());
        services.AddScoped<IBlindIndexSearch, BlindIndexSearch>();
        services.AddScoped<IBeneficiaryRecords, Persistence.PersonalData.BeneficiaryRecords>();
        services.AddScoped<IDataKeyProvisioner, DataKeyProvisioner>();
        services.AddScoped<DatabaseMigrator>();
        services.AddSingleton<ReEncryptionService>();
        services.AddSingleton<ReIndexService>();

        services.AddCaseManagementJobs(configuration, database.Provider, connectionString);
        services.AddCaseManagementIdentity(configuration, environment);
        services.AddSingleton<AuditChainKey>();
        services.AddSingleton<AuditAppender>();
        services.AddSingleton(_ => new AuditChainGates());
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IAuditChainVerifier, AuditVerifier>();
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"])
            .AddCheck<Crypto.MasterKeyHealthCheck>("master-key", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Outside Development the master key must be configured; the host refuses to start otherwise
    /// rather than quietly writing a key file next to the data it protects.
    /// </summary>
    private static IMasterKeyProvider CreateMasterKeyProvider(EncryptionOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.MasterKey))
        {
            return new ConfiguredMasterKeyProvider(options.MasterKey);
        }

        if (environment.IsDevelopment())
        {
            return new DevelopmentKeyFileProvider(Path.Combine(environment.ContentRootPath, options.DevelopmentKeyFile));
        }

        throw new InvalidOperationException(
            $"No master key is configured ({EncryptionOptions.Section}:MasterKey). Outside Development the key must come from " +
            "configuration, the environment (Encryption__MasterKey) or a secret store; create one with `openssl rand -base64 32`.");
    }

    /// <summary>
    /// Npgsql prepares the statements this process runs most, so PostgreSQL parses and plans each once per
    /// connection instead of on every execution (issue 12, docs/operations.md). A connection string that sets
    /// <c>Max Auto Prepare</c> itself wins: 0 behind a pooler that cannot keep prepared statements.
    /// </summary>
    private static string WithStatementPreparation(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            ? connectionString
            : connectionString.TrimEnd(';', ' ') + ";Max Auto Prepare=64";
    }

    private static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            // The embedded default: a file under data/, beside the development key, both git-ignored.
            var directory = Path.Combine(environment.ContentRootPath, "data");
            Directory.CreateDirectory(directory);
            return $"Data Source={Path.Combine(directory, "casemanagement.db")}";
        }

        throw new InvalidOperationException($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is required for the {provider} provider.");
    }

    private static void UseProvider(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        var migrations = DatabaseOptions.MigrationsAssembly(provider);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {provider}.");
        }
    }
}
