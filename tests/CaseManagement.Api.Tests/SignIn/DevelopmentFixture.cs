using CaseManagement.Api.Tests.Providers;
using Microsoft.AspNetCore.Hosting;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>A Development host with the second factor waived: the only place the waiver exists.</summary>
public sealed class DevelopmentFixture : SqliteApiFixture
{
    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseEnvironment("Development");
        host.UseSetting("Identity:RequireTwoFactor", "false");
    }
}
