using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>The kinds of public client people sign in through; machine clients are made by <see cref="IdentityAdministration"/>.</summary>
public static class ClientDescriptors
{
    /// <summary>A browser application: authorization code with PKCE (S256), refresh tokens, the API scope.</summary>
    public static OpenIddictApplicationDescriptor Interactive(string clientId, string displayName, IEnumerable<Uri> redirectUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + CaseManagementIdentityOptions.ApiScope,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }

        return descriptor;
    }

    /// <summary>A command-line client: the device flow (it shows a code, the person confirms it at /connect/verify).</summary>
    public static OpenIddictApplicationDescriptor CommandLine(string clientId, string displayName) => new()
    {
        ClientId = clientId,
        ClientType = ClientTypes.Public,
        DisplayName = displayName,
        Permissions =
        {
            Permissions.Endpoints.DeviceAuthorization,
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.DeviceCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.Prefixes.Scope + CaseManagementIdentityOptions.ApiScope,
            Permissions.Prefixes.Scope + Scopes.OfflineAccess,
        },
    };
}
