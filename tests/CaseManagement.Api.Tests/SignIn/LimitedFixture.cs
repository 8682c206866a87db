using CaseManagement.Api.Tests.Providers;
using Microsoft.AspNetCore.Hosting;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>A host on a real socket (so requests come from 127.0.0.1) behind a configured proxy, with tight sign-in limits.</summary>
public sealed class LimitedFixture : SqliteApiFixture
{
    public const int PerUserName = 3;
    public const int PerAddress = 6;

    protected override bool ServesRealSocket => true;

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("RateLimits:SignInPerMinute", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        host.UseSetting("RateLimits:SignInPerUserNamePerMinute", PerUserName.ToString(System.Globalization.CultureInfo.InvariantCulture));
        host.UseSetting("ForwardedHeaders:KnownProxies:0", "127.0.0.1");
    }
}
