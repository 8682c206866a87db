using CaseManagement.Api.Tests.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace CaseManagement.Api.Tests.Jobs;

/// <summary>A host on a fake clock that the tests move; they run the reminder jobs' code themselves, at the fake clock's time.</summary>
public sealed class ReminderFixture : SqliteApiFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Jobs:RunServer", "false");
        host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
