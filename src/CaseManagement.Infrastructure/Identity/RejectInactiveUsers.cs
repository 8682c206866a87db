using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Runs right after an access token is found valid, and does what OpenIddict's token and authorization
/// entry validation would, in the same single statement that reads the user (<see cref="UserAccess"/>):
/// a token whose entry or session (authorization) was revoked, of a user who has since been disabled,
/// locked out or deleted, whose organisation is disabled, or that was issued under an older security
/// stamp (<see cref="SessionStamp"/>), is refused as an invalid token (401), however long it still has to live.
/// </summary>
public sealed class RejectInactiveUsers(UserAccess access) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<RejectInactiveUsers>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { } principal)
        {
            return;
        }

        // Every token this server issues has an entry (token storage is on); one without is refused.
        var valid = Guid.TryParse(principal.GetTokenId(), out var tokenId)
            && (Guid.TryParse(principal.GetClaim(OpenIddictConstants.Claims.Subject), out var userId)
                ? await access.GetForTokenAsync(userId, tokenId) is { } state && SessionStamp.Matches(principal, state.StampHash)
                // A machine client's subject is its client id, not a user id: it is governed by its registration.
                : await access.TokenEntryValidAsync(tokenId));
        if (!valid)
        {
            context.Reject(
                error: OpenIddictConstants.Errors.InvalidToken,
                description: "This account can no longer use the API.");
        }
    }
}
