using CaseManagement.Api.Tests.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace CaseManagement.Api.Tests.Jobs;

/// <summary>A host of its own with differential privacy on: ε 1 per release, a budget of 1.5 per period.</summary>
public sealed class NoisyStatisticsFixture : SqliteApiFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Jobs:RunServer", "false");
        host.UseSetting("Statistics:RevisionWindowMonths", "2");
        host.UseSetting("Statistics:FreezeAfterDays", "0");
        host.UseSetting("Statistics:PeriodKinds:0", "Month");
        host.UseSetting("Statistics:Epsilon", "1");
        host.UseSetting("Statistics:EpsilonBudgetPerPeriod", "1.5");
        host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
