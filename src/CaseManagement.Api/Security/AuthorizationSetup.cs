using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CaseManagement.Api.Security;

public static class AuthorizationPolicies
{
    /// <summary>An authenticated member of an organisation. Also the fallback: anything unmarked needs it.</summary>
    public const string OrganisationMember = nameof(OrganisationMember);

    /// <summary>
    /// Until the identity server arrives no real scheme exists, so the API answers 401 to
    /// everyone; only the test host registers a scheme that can sign callers in.
    /// </summary>
    public const string UnconfiguredScheme = "Unconfigured";

    public static IServiceCollection AddCaseManagementAuthorization(this IServiceCollection services)
    {
        services.AddAuthentication(UnconfiguredScheme)
            .AddScheme<AuthenticationSchemeOptions, UnconfiguredAuthenticationHandler>(UnconfiguredScheme, null);

        var member = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(CaseManagementClaims.Subject)
            .RequireClaim(CaseManagementClaims.Organisation)
            .Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(OrganisationMember, member)
            .SetFallbackPolicy(member);
        return services;
    }
}
