using System.Security.Claims;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;

namespace CaseManagement.Api.Security;

/// <summary>
/// Roles and organisation come from the database, not from the token: a role removed a minute ago
/// is gone from this request. (Disabled users never get here: <see cref="RejectInactiveUsers"/>
/// refuses their token; a cookie of a disabled user, or one issued under an older security stamp,
/// becomes anonymous.) Roles that read personal data need a session with a second factor.
/// </summary>
internal sealed class UserAccessClaimsTransformation(UserAccess access) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true } authenticated
            || !Guid.TryParse(principal.FindFirstValue(CaseManagementClaims.Subject), out var userId))
        {
            return principal; // anonymous, or a machine client (its subject is its client id)
        }

        // A stale stamp ends the sign-in cookie too: all sessions were ended, or the account was disabled since.
        if (await access.GetAsync(userId) is not { } state || !SessionStamp.Matches(principal, state.StampHash))
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => c.Type is not (CaseManagementClaims.Role or CaseManagementClaims.Organisation)),
            authenticated.AuthenticationType, CaseManagementClaims.Name, CaseManagementClaims.Role);
        if (state.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(CaseManagementClaims.Organisation, organisation.ToString()));
        }

        // A role that reads personal data counts only in a session signed in with a second factor,
        // also when it was added during a session that began without one.
        var secondFactor = AuthenticationMethods.HasSecondFactor(principal);
        identity.AddClaims(state.Roles.Where(r => secondFactor || !Roles.ReadsPersonalData(r)).Select(r => new Claim(CaseManagementClaims.Role, r)));
        return new ClaimsPrincipal(identity);
    }
}
