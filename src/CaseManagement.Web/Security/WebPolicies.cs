using CaseManagement.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Web.Security;

/// <summary>
/// The pages' policies: the site's sign-in cookie, never an access token (the API takes tokens
/// only). A page only asks who is signed in; what they may read is the use case's decision.
/// </summary>
public static class WebPolicies
{
    /// <summary>A person signed in to this site (of an organisation or of the platform); never a machine client.</summary>
    public const string SignedIn = "Web" + nameof(SignedIn);

    public static AuthorizationBuilder AddWebPolicies(this AuthorizationBuilder builder) =>
        builder.AddPolicy(SignedIn, new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => Guid.TryParse(context.User.FindFirst(CaseManagementClaims.Subject)?.Value, out _))
            .Build());
}
