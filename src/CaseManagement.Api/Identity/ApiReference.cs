using CaseManagement.Api.Hosting;
using CaseManagement.Api.OpenApi;
using CaseManagement.Infrastructure.Identity;
using Scalar.AspNetCore;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The interactive reference page (Scalar): Authorize is pre-filled with the public client
/// <c>api-reference</c> and the <c>api</c> scope, so a person types only their own credentials. It
/// loads nothing from other hosts: the bundle is served by the package, default fonts are off.
/// </summary>
internal static class ApiReference
{
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(options => options
                .WithTitle("CaseManagement API")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .WithFavicon("/favicon.svg")
                .AddPreferredSecuritySchemes(SecuritySchemeTransformer.SchemeName)
                .AddAuthorizationCodeFlow(SecuritySchemeTransformer.SchemeName, flow => flow
                    .WithAuthorizationUrl("/connect/authorize")
                    .WithTokenUrl("/connect/token")
                    .WithPkce(Pkce.Sha256)
                    .WithClientId(DevelopmentSeeder.ReferenceClientId)
                    .WithSelectedScopes([CaseManagementIdentityOptions.ApiScope]))
                .AddDefaultScopes(SecuritySchemeTransformer.SchemeName, [CaseManagementIdentityOptions.ApiScope]))
            .AllowAnonymous();
        return app;
    }
}
