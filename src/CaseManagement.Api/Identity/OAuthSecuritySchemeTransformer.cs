using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseManagement.Api.Identity;

/// <summary>
/// Declares in the OpenAPI document how to get a token (authorization code with PKCE, scope
/// <c>api</c>): without it, the reference page has no scheme to attach its client id and scope to.
/// </summary>
internal sealed class OAuthSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiReference.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Sign in as a member of staff (password and authenticator code).",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string> { [CaseManagementIdentityOptions.ApiScope] = "Call this API as the signed-in person." },
                },
            },
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiReference.SchemeName, document)] = [CaseManagementIdentityOptions.ApiScope],
        });
        return Task.CompletedTask;
    }
}
