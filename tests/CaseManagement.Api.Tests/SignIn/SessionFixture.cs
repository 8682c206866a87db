using CaseManagement.Api.Tests.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>A host whose clock the test moves, with a one-hour session, a pinned issuer and pinned hosts.</summary>
public sealed class SessionFixture : SqliteApiFixture
{
    public const string Issuer = "https://cases.example.test/";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Identity:SessionLifetime", "01:00:00");
        host.UseSetting("Identity:Issuer", Issuer);
        host.UseSetting("AllowedHosts", "localhost;cases.example.test");
        host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
