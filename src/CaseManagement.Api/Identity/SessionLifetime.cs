using System.Globalization;
using System.Security.Claims;
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

    /// <summary>A new session, at sign-in.</summary>
    public void Start(ClaimsPrincipal principal) =>
        principal.SetClaim(StartedClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

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
