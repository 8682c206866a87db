using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// The sign-in cookie's rules, checked on every request that reads it:
/// <list type="bullet">
/// <item>an absolute end, as <c>SessionLifetime</c> gives refresh tokens one: the moment of
/// sign-in is kept in the session's properties (server-side, <see cref="WebSessionStore"/>),
/// which renewal carries over;</item>
/// <item>the account as it is now: disabled, locked out, of a disabled organisation, or with all
/// its sessions ended (a new security stamp), and the session is over, signed out for good;</item>
/// <item>the idle time runs from the person's last page or "stay signed in": background requests
/// of an open tab (a dashboard's polling, a stylesheet) do not renew it.</item>
/// </list>
/// </summary>
public static class CookieSessionCap
{
    /// <summary>Sent by the idle warning's "stay signed in": activity, though not a page.</summary>
    public const string ActivityHeader = "X-CaseManagement-Activity";

    private const string StartedItem = "cm_started";

    /// <summary>At most one renewal (a database write) a minute per session.</summary>
    private static readonly TimeSpan RenewalStep = TimeSpan.FromMinutes(1);

    /// <summary>When the session began, or null for properties that are not a sign-in cookie's.</summary>
    public static DateTimeOffset? StartedAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(StartedItem, out var value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static Task StartAsync(CookieSigningInContext context)
    {
        // A new sign-in starts the clock; a refresh of the same session (a password change) keeps it.
        context.Properties.Items.TryAdd(StartedItem, Now(context.HttpContext.RequestServices).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = Now(services);
        var lifetime = services.GetRequiredService<IOptions<CaseManagementIdentityOptions>>().Value.SessionLifetime;
        if (StartedAt(context.Properties) is not { } started || now - started > lifetime || !await AccountStillValidAsync(context, services))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name); // removes the server-side session too
            return;
        }

        if (IsActivity(context.HttpContext.Request) && now - (context.Properties.IssuedUtc ?? started) >= RenewalStep)
        {
            context.ShouldRenew = true;
        }
    }

    private static async Task<bool> AccountStillValidAsync(CookieValidatePrincipalContext context, IServiceProvider services) =>
        Guid.TryParse(context.Principal?.FindFirst(OpenIddictConstants.Claims.Subject)?.Value, out var userId)
        && await services.GetRequiredService<UserAccess>().GetAsync(userId) is { } state
        && SessionStamp.Matches(context.Principal!, state.StampHash);

    /// <summary>A page the person opened (or a client that says nothing of what it fetches), or the idle warning's button.</summary>
    private static bool IsActivity(HttpRequest request) =>
        request.Headers.ContainsKey(ActivityHeader)
        || request.Headers["Sec-Fetch-Dest"].ToString() is "" or "document";

    private static DateTimeOffset Now(IServiceProvider services) => services.GetRequiredService<TimeProvider>().GetUtcNow();
}
