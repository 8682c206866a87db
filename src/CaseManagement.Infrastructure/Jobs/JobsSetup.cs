using CaseManagement.Application.Notifications;
using CaseManagement.Infrastructure.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// Hangfire with storage that follows the database: PostgreSQL and SQL Server keep jobs in their
    /// own schema of the application's database, so replicas share one schedule; the embedded
    /// default keeps them in memory (one process; the recurring scans lose nothing, as the
    /// application database is their source of truth).
    /// </summary>
    public static IServiceCollection AddCaseManagementJobs(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section));
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section))
            .Validate(o => o.CaseReviewAfterDays is >= 1 and <= 3650, "Reminders:CaseReviewAfterDays must lie between 1 and 3650.")
            .Validate(o => o.HearingDaysBefore.All(d => d is >= 1 and <= 365), "Reminders:HearingDaysBefore must be days between 1 and 365.")
            .ValidateOnStart();
        services.AddSingleton<ReminderJobs>();
        services.AddSingleton<ReminderMail>();
        services.AddSingleton<ReferralJobs>();
        services.AddSingleton<StatisticsJobs>();
        services.AddSingleton<RetentionJobs>();
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (!jobs.Enabled)
        {
            return services;
        }

        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            switch (provider)
            {
                case DatabaseProvider.PostgreSql:
                    hangfire.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
                case DatabaseProvider.SqlServer:
                    hangfire.UseSqlServerStorage(connectionString, new SqlServerStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
                default:
                    hangfire.UseInMemoryStorage();
                    break;
            }
        });

        if (jobs.RunServer)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.SchedulePollingInterval = jobs.PollingInterval;
            });
        }

        return services;
    }

    /// <summary>Registers (or updates) the recurring jobs' schedules in the shared storage; every replica may do so at start.</summary>
    public static void ScheduleRecurringJobs(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        if (!options.Enabled)
        {
            return;
        }

        var jobs = services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.HearingReminders, j => j.RemindHearingsAsync(CancellationToken.None), options.HearingReminders);
        jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.FollowUpReminders, j => j.RemindFollowUpsAsync(CancellationToken.None), options.FollowUpReminders);
        jobs.AddOrUpdate<ReminderJobs>(ReminderJobs.CaseReviewReminders, j => j.RemindCaseReviewsAsync(CancellationToken.None), options.CaseReviewReminders);
        jobs.AddOrUpdate<ReferralJobs>(ReferralJobs.Name, j => j.ExpireReferralsAsync(CancellationToken.None), options.ReferralExpiry);
        jobs.AddOrUpdate<StatisticsJobs>(StatisticsJobs.Name, j => j.FreezeReleasesAsync(CancellationToken.None), options.StatisticsFreeze);
        jobs.AddOrUpdate<RetentionJobs>(RetentionJobs.Name, j => j.AnonymiseExpiredAsync(CancellationToken.None), options.Retention);
    }
}
