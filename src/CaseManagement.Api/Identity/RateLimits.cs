using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseManagement.Api.Identity;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and token requests allowed per client address and minute.</summary>
    public int SignInPerMinute { get; set; } = 30;
}

/// <summary>Slows password and token guessing: a fixed window per client address on sign-in and token endpoints.</summary>
internal static class RateLimits
{
    public const string SignIn = nameof(SignIn);

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
