using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseManagement.Api.OpenApi;

/// <summary>
/// Declares how to obtain a token. People's scheme (the one every operation names) holds the
/// authorization code flow only: the reference page opens a scheme's first flow, and a
/// client-credentials form is of no use to a person. Machine clients get a scheme of their own.
/// </summary>
internal sealed class SecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "OAuth2";
    public const string MachineSchemeName = "OAuth2MachineClients";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "People sign in with a password and an authenticator code (authorization code with PKCE, S256 only). " +
                "Command-line clients use the device flow (RFC 8628): POST /connect/device, confirm the code at /connect/verify, " +
                "then poll /connect/token.",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string>
                    {
                        [CaseManagementIdentityOptions.ApiScope] = "Call this API as the signed-in person.",
                        ["offline_access"] = "Refresh tokens.",
                    },
                },
            },
        };
        document.Components.SecuritySchemes[MachineSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Machine clients: client credentials, for the statistics scope only. The client authenticates with a " +
                "client assertion signed by the key it registered (private_key_jwt, RFC 7523): client_assertion_type=" +
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer, a JWT typed client-authentication+jwt with iss = sub = " +
                "client id, aud = the issuer, a new jti and an exp at most 5 minutes ahead.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string> { [CaseManagementIdentityOptions.StatisticsScope] = "Anonymised statistics only." },
                },
            },
        };
        return Task.CompletedTask;
    }
}
