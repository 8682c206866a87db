using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// An absolute end to a sign-in cookie, as <c>SessionLifetime</c> gives refresh tokens one: the
/// moment of sign-in is kept in the cookie's own (encrypted) properties, which sliding renewal
/// carries over, and a cookie older than the lifetime is refused however recently it was used.
/// </summary>
internal static class CookieSessionCap
{
    private const string StartedItem = "cm_started";

    public static Task StartAsync(CookieSigningInContext context)
    {
        // A renewal keeps the first moment; a new sign-in starts a new one.
        context.Properties.Items[StartedItem] = Now(context.HttpContext.RequestServices).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var lifetime = services.GetRequiredService<IOptions<CaseManagementIdentityOptions>>().Value.SessionLifetime;
        if (!context.Properties.Items.TryGetValue(StartedItem, out var value)
            || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var started)
            || Now(services) - DateTimeOffset.FromUnixTimeSeconds(started) > lifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        // Renewed on every request, not only past half its time: the idle timeout then runs from the
        // last page, which is what the page's warning (idle.js) counts from.
        context.ShouldRenew = true;
    }

    private static DateTimeOffset Now(IServiceProvider services) => services.GetRequiredService<TimeProvider>().GetUtcNow();
}
