using CaseManagement.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace CaseManagement.Api.Security;

public static class AuthorizationPolicies
{
    /// <summary>An authenticated member of an organisation. Also the fallback: anything unmarked needs it.</summary>
    public const string OrganisationMember = nameof(OrganisationMember);

    /// <summary>Platform staff (secretariat, administrators): authenticated users of no organisation.</summary>
    public const string PlatformStaff = nameof(PlatformStaff);

    /// <summary>The secretariat, or a machine client granted <c>stats.read</c>: the statistics endpoints and nothing else.</summary>
    public const string StatisticsReader = nameof(StatisticsReader);

    /// <summary>Any signed-in person, of an organisation or of the platform; never a machine client (its subject is a client id).</summary>
    public const string SignedInUser = nameof(SignedInUser);

    /// <summary>Access tokens are the only way in to the API; Identity's sign-in cookie is not accepted there.</summary>
    public const string TokenScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static IServiceCollection AddCaseManagementAuthorization(this IServiceCollection services)
    {
        var member = new AuthorizationPolicyBuilder(TokenScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => IsGuid(context.User, CaseManagementClaims.Subject) && IsGuid(context.User, CaseManagementClaims.Organisation))
            .Build();
        var platform = new AuthorizationPolicyBuilder(TokenScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => IsGuid(context.User, CaseManagementClaims.Subject) && context.User.FindFirst(CaseManagementClaims.Organisation) is null)
            .Build();
        var person = new AuthorizationPolicyBuilder(TokenScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => IsGuid(context.User, CaseManagementClaims.Subject))
            .Build();
        var statistics = new AuthorizationPolicyBuilder(TokenScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context =>
                (IsGuid(context.User, CaseManagementClaims.Subject) && context.User.FindFirst(CaseManagementClaims.Organisation) is null
                    && context.User.HasClaim(CaseManagementClaims.Role, Roles.Secretariat))
                || (!IsGuid(context.User, CaseManagementClaims.Subject) && context.User.HasScope(MachineScopes.StatisticsRead)))
            .Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(OrganisationMember, member)
            .AddPolicy(PlatformStaff, platform)
            .AddPolicy(SignedInUser, person)
            .AddPolicy(StatisticsReader, statistics)
            .SetFallbackPolicy(member);
        return services;
    }

    private static bool IsGuid(System.Security.Claims.ClaimsPrincipal user, string claim) =>
        Guid.TryParse(user.FindFirst(claim)?.Value, out _);
}
