using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CaseManagement.Api.Identity;

/// <summary>
/// Behind a reverse proxy the client's address (which rate limits and the audit trail use) comes
/// from X-Forwarded-For, but only when sent by a proxy named in configuration; with none named the
/// headers are ignored, since anyone could send them.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static bool IsConfigured(IConfiguration configuration) =>
        Proxies(configuration).Length > 0 || Networks(configuration).Length > 0;

    public static IServiceCollection AddKnownProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in Proxies(configuration))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in Networks(configuration))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    private static string[] Proxies(IConfiguration configuration) => configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];

    private static string[] Networks(IConfiguration configuration) => configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
}
