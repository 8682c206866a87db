using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseManagement.Api.OpenApi;

/// <summary>Declares how to obtain a token: the OAuth2 flows the identity server offers.</summary>
internal sealed class SecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "OAuth2";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "People sign in with a password and an authenticator code (authorization code with PKCE, S256 only). " +
                "Command-line clients use the device flow (RFC 8628): POST /connect/device, confirm the code at /connect/verify, " +
                "then poll /connect/token. Machine clients use client credentials and get the statistics scope only.",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string> { ["api"] = "Call this API as the signed-in person.", ["offline_access"] = "Refresh tokens." },
                },
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string> { ["stats.read"] = "Anonymised statistics only." },
                },
            },
        };
        return Task.CompletedTask;
    }
}
