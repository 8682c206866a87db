using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using OpenIddict.Abstractions;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Binds every user token to the user's security stamp at the moment of issue. Disabling an account,
/// its organisation, or ending all its sessions rotates the stamp, so tokens issued before stay
/// refused even after the account is enabled again. Tokens carry a short hash, never the stamp.
/// </summary>
public static class SessionStamp
{
    /// <summary>In access tokens, and in codes and refresh tokens (OpenIddict keeps every claim there).</summary>
    public const string ClaimType = "cm_stamp";

    /// <summary>Where Identity's sign-in cookie keeps the raw stamp (Identity's default claim type).</summary>
    private const string CookieClaimType = "AspNet.Identity.SecurityStamp";

    /// <summary>64 bits of SHA-256 of the stamp: enough to tell stamps apart, useless to recover one.</summary>
    public static string Of(string? securityStamp) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? string.Empty)), 0, 8);

    /// <summary>True when the principal (a token's, or the sign-in cookie's) was issued under the current stamp.</summary>
    public static bool Matches(ClaimsPrincipal principal, string currentHash)
    {
        var presented = principal.GetClaim(ClaimType)
            ?? (principal.GetClaim(CookieClaimType) is { } raw ? Of(raw) : null);
        return presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(currentHash));
    }
}
