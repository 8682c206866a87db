using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Unless Identity:AllowClientSecrets is set, a client secret (form field or Basic header) is
/// refused before OpenIddict checks it: clients registered with a secret earlier, or while secrets
/// were allowed, stop working, and only signed assertions remain.
/// </summary>
public sealed class RejectClientSecrets(IOptions<CaseManagementIdentityOptions> options) : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientSecretParameter>()
            .UseSingletonHandler<RejectClientSecrets>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientSecret.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (!options.Value.AllowClientSecrets)
        {
            context.Reject(
                error: Errors.InvalidClient,
                description: "Client secrets are not accepted: authenticate with a signed client assertion (private_key_jwt).");
        }

        return ValueTask.CompletedTask;
    }
}
