using CaseManagement.Api.Tests.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace CaseManagement.Api.Tests.Jobs;

/// <summary>A host of its own (no other test's records in its periods) on a fake clock, whose freeze job the tests run themselves.</summary>
public sealed class StatisticsFreezeFixture : SqliteApiFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Jobs:RunServer", "false");
        host.UseSetting("Statistics:RevisionWindowMonths", "3");
        host.UseSetting("Statistics:FreezeAfterDays", "0");
        host.UseSetting("Statistics:PeriodKinds:0", "Month");
        host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
