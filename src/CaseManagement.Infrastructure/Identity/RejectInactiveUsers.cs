using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Runs right after an access token is found valid: a token of a user who has since been disabled,
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
        // Machine clients' subjects are client ids, not user ids: they are governed by their registration.
        if (Guid.TryParse(context.AccessTokenPrincipal?.GetClaim(OpenIddictConstants.Claims.Subject), out var userId)
            && (await access.GetAsync(userId) is not { } state || !SessionStamp.Matches(context.AccessTokenPrincipal!, state.StampHash)))
        {
            context.Reject(
                error: OpenIddictConstants.Errors.InvalidToken,
                description: "This account can no longer use the API.");
        }
    }
}
