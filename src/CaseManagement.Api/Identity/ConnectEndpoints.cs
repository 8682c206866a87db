using System.Security.Claims;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The OpenID Connect endpoints OpenIddict hands to the application: it has already validated the
/// request (client, redirect URI, PKCE, scopes); these decide who the token is for.
/// </summary>
internal static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnect(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").AllowAnonymous().ExcludeFromDescription();
        connect.MapMethods("/authorize", ["GET", "POST"], AuthorizeAsync);
        connect.MapPost("/token", TokenAsync);
        connect.MapGet("/verify", (Delegate)VerifyPageAsync); // as a Delegate: taking the context alone, it would pass for a RequestDelegate and its page be dropped
        connect.MapPost("/verify", VerifyAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, TokenPrincipalFactory principals, SessionLifetime session)
    {
        if (context.GetOpenIddictServerResponse() is { Error: { } error } failure)
        {
            // An error OpenIddict cannot send back to the client (unknown client, wrong redirect URI): the person reads it here.
            return SignInPages.OAuthError(error, failure.ErrorDescription);
        }

        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signIn.Succeeded || !Guid.TryParse(signIn.Principal.FindFirstValue(OpenIddictConstants.Claims.Subject), out var userId))
        {
            // Not signed in: the sign-in page brings the user back here with the same request.
            var query = context.Request.HasFormContentType ? [.. context.Request.Form] : context.Request.Query.ToList();
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(query) },
                [IdentityConstants.ApplicationScheme]);
        }

        var principal = await principals.ForUserAsync(userId, request.GetScopes(), AuthenticationMethods.Of(signIn.Principal));
        if (principal is null)
        {
            return Refuse(OpenIddictConstants.Errors.AccessDenied, "The account cannot sign in.");
        }

        session.Start(principal, signIn.Properties);
        return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context, TokenPrincipalFactory principals, SessionLifetime session)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        ClaimsPrincipal? principal;
        if (request.IsClientCredentialsGrantType())
        {
            principal = await principals.ForClientAsync(request.ClientId!, request.GetScopes());
        }
        else if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType() || request.IsDeviceCodeGrantType())
        {
            // The code or refresh token is valid; the user's current state decides what the new tokens say.
            var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            principal = Guid.TryParse(granted?.GetClaim(OpenIddictConstants.Claims.Subject), out var userId)
                ? await principals.ForUserAsync(userId, granted!.GetScopes(), AuthenticationMethods.Of(granted))
                : null;
            // A grant issued under an older security stamp (disabled since, or all sessions ended) stays refused.
            if (principal is not null && (!SameStamp(granted!, principal) || !session.Continue(granted!, principal)))
            {
                return Refuse(OpenIddictConstants.Errors.InvalidGrant, "The session has ended: sign in again.");
            }
        }
        else
        {
            return Refuse(OpenIddictConstants.Errors.UnsupportedGrantType, "This grant type is not supported.");
        }

        return principal is null
            ? Refuse(OpenIddictConstants.Errors.InvalidGrant, "The account or client can no longer obtain tokens.")
            : Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Device flow, on the person's browser: sign in, type the code the command-line client shows
    /// (never taken from the link, which anyone can send), see which client it is, confirm.
    /// </summary>
    private static async Task<IResult> VerifyPageAsync(HttpContext context)
    {
        var signIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signIn.Succeeded)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = "/connect/verify" }, [IdentityConstants.ApplicationScheme]);
        }

        return SignInPages.Verify(null);
    }

    private static async Task<IResult> VerifyAsync(
        HttpContext context, IAntiforgery antiforgery, TokenPrincipalFactory principals, IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations, SessionLifetime session)
    {
        await antiforgery.ValidateFormAsync(context);
        var signIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signIn.Succeeded || !Guid.TryParse(signIn.Principal.FindFirstValue(OpenIddictConstants.Claims.Subject), out var userId))
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = "/connect/verify" }, [IdentityConstants.ApplicationScheme]);
        }

        var request = context.GetOpenIddictServerResponse() is { Error: not null }
            ? AuthenticateResult.NoResult()
            : await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        // A code OpenIddict could not match leaves a principal without the client that asked for it.
        var application = request.Succeeded && request.Principal.GetPresenters().FirstOrDefault() is { } clientId
            ? await applications.FindByClientIdAsync(clientId, context.RequestAborted)
            : null;
        if (application is null)
        {
            return SignInPages.Verify(SignInMessage.Of("Device.Unknown"), StatusCodes.Status400BadRequest);
        }

        if (!string.Equals(context.Request.Form["confirm"], "yes", StringComparison.Ordinal))
        {
            return SignInPages.ConfirmDevice(context.GetOpenIddictServerRequest()!.UserCode!,
                await applications.GetLocalizedDisplayNameAsync(application, context.RequestAborted));
        }

        var principal = await principals.ForUserAsync(userId, request.Principal!.GetScopes(), AuthenticationMethods.Of(signIn.Principal));
        if (principal is null)
        {
            return Refuse(OpenIddictConstants.Errors.AccessDenied, "The account cannot sign in.");
        }

        await ClaimDeviceSessionAsync(authorizations, request.Principal!, userId, context.RequestAborted);
        session.Start(principal, signIn.Properties);
        return Results.SignIn(principal, new AuthenticationProperties { RedirectUri = "/account/done" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// OpenIddict opens the device's session (an ad-hoc authorization) when the device asks for a code,
    /// before anyone signs in, so without a subject; the person confirming it becomes its owner, who
    /// then sees and ends it among their sessions.
    /// </summary>
    private static async Task ClaimDeviceSessionAsync(
        IOpenIddictAuthorizationManager authorizations, ClaimsPrincipal userCode, Guid userId, CancellationToken cancellationToken)
    {
        if (userCode.GetAuthorizationId() is not { Length: > 0 } id || await authorizations.FindByIdAsync(id, cancellationToken) is not { } authorization)
        {
            return;
        }

        var descriptor = new OpenIddictAuthorizationDescriptor();
        await authorizations.PopulateAsync(descriptor, authorization, cancellationToken);
        if (string.IsNullOrEmpty(descriptor.Subject))
        {
            descriptor.Subject = userId.ToString();
            await authorizations.UpdateAsync(authorization, descriptor, cancellationToken);
        }
    }

    private static bool SameStamp(ClaimsPrincipal granted, ClaimsPrincipal next) =>
        next.GetClaim(SessionStamp.ClaimType) is { } current && SessionStamp.Matches(granted, current);

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
