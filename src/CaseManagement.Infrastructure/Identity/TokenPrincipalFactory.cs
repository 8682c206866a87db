using System.Security.Claims;
using CaseManagement.Application.Common.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Builds what goes into tokens, always from the current database state: a disabled user gets
/// nothing, and roles removed since the last token are gone from the next one.
/// </summary>
public sealed class TokenPrincipalFactory(UserManager<ApplicationUser> users, IOpenIddictApplicationManager applications, UserAccess access)
{
    /// <summary>The authentication type of every identity this server puts in a token.</summary>
    private const string AuthenticationType = "CaseManagement.Token";

    /// <summary>
    /// A signed-in user's principal, or null when the user no longer may sign in. <paramref name="methods"/>
    /// says how the session began; it stays the same for every token of the session.
    /// </summary>
    public async Task<ClaimsPrincipal?> ForUserAsync(Guid userId, IEnumerable<string> requestedScopes, IReadOnlyList<string> methods)
    {
        var user = await users.Users.SingleOrDefaultAsync(u => u.Id == userId);
        // The organisation is read after the user: a concurrent organisation disable is seen here, or
        // else rotated the stamp this token is about to carry (SessionStamp).
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user) || await access.OrganisationDisabledAsync(user.OrganisationId))
        {
            return null;
        }

        var identity = new ClaimsIdentity(AuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Name, user.UserName);
        if (user.OrganisationId is { } organisation)
        {
            identity.SetClaim(CaseManagementClaims.Organisation, organisation.ToString());
        }

        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetClaims(Claims.AuthenticationMethodReference, [.. methods]);
        identity.SetClaim(SessionStamp.ClaimType, SessionStamp.Of(user.SecurityStamp));
        return Finish(identity, requestedScopes);
    }

    /// <summary>A machine client's principal (client credentials): no user, no organisation, only its granted scopes.</summary>
    public async Task<ClaimsPrincipal?> ForClientAsync(string clientId, IEnumerable<string> requestedScopes)
    {
        var application = await applications.FindByClientIdAsync(clientId);
        if (application is null)
        {
            return null;
        }

        var identity = new ClaimsIdentity(AuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application) ?? clientId);
        return Finish(identity, requestedScopes);
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> requestedScopes)
    {
        var scopes = requestedScopes.ToList();
        identity.SetScopes(scopes);
        if (scopes.Contains(CaseManagementIdentityOptions.ApiScope) || scopes.Contains(CaseManagementIdentityOptions.StatisticsScope))
        {
            identity.SetResources(CaseManagementIdentityOptions.ApiAudience);
        }

        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
