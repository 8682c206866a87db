using CaseManagement.Infrastructure.Identity;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The browser's key to its passkey ceremony (<see cref="PasskeyChallenges"/>): HttpOnly, sent to
/// the account pages only and never from another site, and gone once read.
/// </summary>
internal static class PasskeyChallengeCookie
{
    public const string Name = "casemanagement.passkey";

    public static void Set(HttpContext context, string key) =>
        context.Response.Cookies.Append(Name, key, Options(context));

    /// <summary>The key the browser sent, if any; the cookie is removed either way.</summary>
    public static string? Take(HttpContext context)
    {
        var key = context.Request.Cookies[Name];
        context.Response.Cookies.Delete(Name, Options(context));
        return key;
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/account",
        // Plain HTTP only where tokens may travel over it too (Development, tests).
        Secure = context.Request.IsHttps || !IdentitySetup.AllowsPlainHttp(context.RequestServices.GetRequiredService<IHostEnvironment>()),
        MaxAge = PasskeyChallenges.Lifetime,
        IsEssential = true,
    };
}
