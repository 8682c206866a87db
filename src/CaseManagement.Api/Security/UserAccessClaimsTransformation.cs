using System.Security.Claims;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;

namespace CaseManagement.Api.Security;

/// <summary>
/// A token stays valid for minutes; a disabled user must not. Whenever a user's token is
/// authenticated, the user's current state replaces what the token says: a disabled, locked-out
/// or deleted user becomes anonymous (401), and roles or organisation changed since apply at once.
/// </summary>
internal sealed class UserAccessClaimsTransformation(UserAccess access, IHttpContextAccessor accessor) : IClaimsTransformation
{
    private static readonly object CacheKey = new();

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.AuthenticationType != TokenPrincipalFactory.AuthenticationType
            || !Guid.TryParse(principal.FindFirstValue(CaseManagementClaims.Subject), out var userId))
        {
            return principal; // machine clients and the sign-in cookie
        }

        // Authentication may run more than once per request; the database is asked once.
        var items = accessor.HttpContext?.Items;
        if (items?[CacheKey] is not UserAccessState state)
        {
            var current = await access.GetAsync(userId);
            if (current is null)
            {
                return new ClaimsPrincipal(new ClaimsIdentity());
            }

            state = current;
            if (items is not null)
            {
                items[CacheKey] = state;
            }
        }

        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => c.Type is not (CaseManagementClaims.Role or CaseManagementClaims.Organisation)),
            TokenPrincipalFactory.AuthenticationType, CaseManagementClaims.Name, CaseManagementClaims.Role);
        if (state.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(CaseManagementClaims.Organisation, organisation.ToString()));
        }

        identity.AddClaims(state.Roles.Select(r => new Claim(CaseManagementClaims.Role, r)));
        return new ClaimsPrincipal(identity);
    }
}
