using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using CaseManagement.Infrastructure.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Identity;

/// <summary>
/// An absolute end to each session: the moment of sign-in travels in the authorization code and
/// every refresh token (a claim with no destination, so never in an access or identity token), and
/// a refresh past <see cref="CaseManagementIdentityOptions.SessionLifetime"/> is refused. Rotation
/// alone would let a session live forever.
/// </summary>
internal sealed class SessionLifetime(TimeProvider clock, IOptions<CaseManagementIdentityOptions> options)
{
    private const string StartedClaim = "cm_session_started";

    /// <summary>
    /// A new token session, from a sign-in to this site: it ends when that sign-in does (<paramref name="signedIn"/>:
    /// the sign-in cookie's properties), so a long-used browser session cannot start a fresh twelve hours of tokens.
    /// </summary>
    public void Start(ClaimsPrincipal principal, AuthenticationProperties? signedIn) =>
        principal.SetClaim(StartedClaim,
            ((signedIn is null ? null : CookieSessionCap.StartedAt(signedIn)) ?? clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Carries the session from the code or refresh token to the new tokens; false once it has ended.</summary>
    public bool Continue(ClaimsPrincipal granted, ClaimsPrincipal next)
    {
        if (!long.TryParse(granted.GetClaim(StartedClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var started)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(started) > options.Value.SessionLifetime)
        {
            return false;
        }

        next.SetClaim(StartedClaim, started.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
