using System.Threading.RateLimiting;

namespace CaseManagement.Api.Identity;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and token requests allowed per client address and minute.</summary>
    public int SignInPerMinute { get; set; } = 30;
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
