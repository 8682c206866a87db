using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseManagement.Api.Identity;

/// <summary>
/// Declares in the OpenAPI document how a person gets a token (authorization code with PKCE, scope
/// <c>api</c>): without it, the reference page has no scheme to attach its client id and scope to.
/// The scheme the operations name holds that flow only, because the reference page opens the first
/// flow of a scheme, and a client-credentials flow listed there first sends a person to a form
/// they cannot use. A client-credentials flow declared by another transformer moves to a scheme
/// of its own. Registered last (PostConfigure), so it sees what the others declared.
/// </summary>
internal sealed class OAuthSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string MachineSchemeName = "OAuth2MachineClients";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryGetValue(ApiReference.SchemeName, out var declared);

        var people = declared?.Flows?.AuthorizationCode ?? new OpenApiOAuthFlow
        {
            AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
            TokenUrl = new Uri("/connect/token", UriKind.Relative),
        };
        people.Scopes ??= new Dictionary<string, string>();
        people.Scopes.TryAdd(CaseManagementIdentityOptions.ApiScope, "Call this API as the signed-in person.");
        document.Components.SecuritySchemes[ApiReference.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = declared?.Description ?? "Sign in as a member of staff (password and authenticator code).",
            Flows = new OpenApiOAuthFlows { AuthorizationCode = people },
        };

        if (declared?.Flows?.ClientCredentials is { } machines)
        {
            document.Components.SecuritySchemes[MachineSchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Machine clients: client credentials, for the statistics scope only.",
                Flows = new OpenApiOAuthFlows { ClientCredentials = machines },
            };
        }

        document.Security ??= [];
        if (document.Security.Count == 0)
        {
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiReference.SchemeName, document)] = [CaseManagementIdentityOptions.ApiScope],
            });
        }

        return Task.CompletedTask;
    }
}
