using CaseManagement.Api.Tests.Providers;
using Microsoft.AspNetCore.Hosting;

namespace CaseManagement.Api.Tests.Jobs;

/// <summary>PostgreSQL with Hangfire's PostgreSQL storage and a reminder scheduled every two seconds, for replicas to race on.</summary>
public sealed class ReplicatedJobsFixture : PostgresApiFixture
{
    public const string EveryTwoSeconds = "*/2 * * * * *";

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Jobs:CaseReviewReminders", EveryTwoSeconds);
        host.UseSetting("Jobs:PollingInterval", "00:00:01");
    }
}
