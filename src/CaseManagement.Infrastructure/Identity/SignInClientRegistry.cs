using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Brings the registered sign-in clients in line with configuration: a missing one is created, an
/// existing one gets the configured name and redirect URIs. Clients not in configuration are left
/// alone (machine clients, and anything an administrator registered).
/// </summary>
public sealed class SignInClientRegistry(IOpenIddictApplicationManager applications, IOptions<CaseManagementIdentityOptions> options)
{
    /// <summary>Returns one line per client saying what was done.</summary>
    public async Task<IReadOnlyList<string>> SynchroniseAsync(CancellationToken cancellationToken)
    {
        var report = new List<string>();
        foreach (var client in options.Value.Clients)
        {
            var wanted = Describe(client);
            if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is { } existing)
            {
                await applications.UpdateAsync(existing, wanted, cancellationToken);
                report.Add($"Updated sign-in client {client.ClientId}.");
            }
            else
            {
                await applications.CreateAsync(wanted, cancellationToken);
                report.Add($"Registered sign-in client {client.ClientId}.");
            }
        }

        return report;
    }

    private static OpenIddictApplicationDescriptor Describe(SignInClientOptions client)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId) || string.IsNullOrWhiteSpace(client.DisplayName))
        {
            throw new InvalidOperationException("Every Identity:Clients entry needs a ClientId and a DisplayName.");
        }

        return client.Kind switch
        {
            "Interactive" when client.RedirectUris.Count == 0 => throw new InvalidOperationException($"Client {client.ClientId}: an Interactive client needs its RedirectUris."),
            "Interactive" => ClientDescriptors.Interactive(client.ClientId, client.DisplayName, client.RedirectUris.Select(u => RedirectUri(client, u)).ToList()),
            "CommandLine" when client.RedirectUris.Count == 0 => ClientDescriptors.CommandLine(client.ClientId, client.DisplayName),
            "CommandLine" => throw new InvalidOperationException($"Client {client.ClientId}: a CommandLine client (device flow) takes no redirect URIs."),
            _ => throw new InvalidOperationException($"Client {client.ClientId}: Kind is Interactive or CommandLine."),
        };
    }

    /// <summary>A code sent over plain HTTP to another machine could be read on the way: https, or a loopback address.</summary>
    private static Uri RedirectUri(SignInClientOptions client, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Fragment)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new InvalidOperationException(
                $"Client {client.ClientId}: redirect URI {value} must be an absolute https URI without a fragment (http only for localhost).");
        }

        return uri;
    }
}
