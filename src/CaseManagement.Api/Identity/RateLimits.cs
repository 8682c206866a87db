using System.Threading.RateLimiting;

namespace CaseManagement.Api.Identity;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>
    /// Sign-in and token requests allowed per client address and minute. Generous: many people may
    /// share one address (an office behind a proxy); the per-name limit is the tight one.
    /// </summary>
    public int SignInPerMinute { get; set; } = 60;

    /// <summary>Sign-in attempts allowed per user name typed and minute, from any address.</summary>
    public int SignInPerUserNamePerMinute { get; set; } = 10;
}

/// <summary>
/// Slows password, code and client-secret guessing: a fixed window per client address over the
/// sign-in pages and the OpenID Connect endpoints. It is global, not per endpoint, because
/// OpenIddict answers invalid token requests before any endpoint runs.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(_ => new UserNameRateLimiter(limits.SignInPerUserNamePerMinute));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignIn(context.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        return services;
    }

    private static bool IsSignIn(PathString path) =>
        path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase);
}
