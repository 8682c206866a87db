using CaseManagement.Application.Common.Auditing;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.Invitations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Api.Identity;

/// <summary>
/// A person accepts their invitation: they choose their password and enrol their authenticator in
/// one step, so that no account ever has a password without a second factor, and the link is used
/// up only when both are done. The token comes in form posts only, never in an address.
/// </summary>
internal static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        var invitation = app.MapGroup(InvitationLinks.PagePath).AllowAnonymous().ExcludeFromDescription();
        invitation.MapGet("/", () => InvitationPages.Open());
        invitation.MapPost("/", PostAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PostAsync(
        HttpContext context, IAntiforgery antiforgery, StaffInvitations invitations, UserManager<ApplicationUser> users, IAuditTrail audit)
    {
        await antiforgery.ValidateRequestAsync(context);
        // Read by hand: the first step posts the token alone, the second every field.
        var posted = await context.Request.ReadFormAsync(context.RequestAborted);
        string? token = posted["token"], password = posted["password"], repeat = posted["repeat"], code = posted["code"];
        var found = await invitations.FindAsync(token, context.RequestAborted);
        if (found is not { State: InvitationState.Open, Invitation: { } invitation, User: { } user })
        {
            return InvitationPages.Unusable(found.State);
        }

        if (password is null)
        {
            // Opening the link: a new seed each time, so a key shown to anyone earlier is worth nothing.
            await users.ResetAuthenticatorKeyAsync(user);
            return await SetupAsync(users, token!, user, null);
        }

        if (!string.Equals(password, repeat, StringComparison.Ordinal))
        {
            return await SetupAsync(users, token!, user, SignInMessage.Of("AcceptInvitation.Differ"));
        }

        if (await PasswordEndpoints.PolicyErrorsAsync(users, user, password) is { } problem)
        {
            return await SetupAsync(users, token!, user, problem);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code ?? string.Empty))
        {
            return await SetupAsync(users, token!, user, SignInMessage.Of("AcceptInvitation.Mismatch"));
        }

        if (await invitations.AcceptAsync(invitation, user, password, RecoveryCodes.SetSize, context.RequestAborted) is not { } codes)
        {
            return InvitationPages.Unusable(InvitationState.Used);
        }

        await audit.RecordAsync(
            new AuditRecord(user.OrganisationId, user.Id, null, AuditActions.AcceptInvitation, "User", user.Id, AuditOutcomes.Success),
            CancellationToken.None);
        return InvitationPages.Accepted(user.UserName!, codes);
    }

    private static async Task<IResult> SetupAsync(UserManager<ApplicationUser> users, string token, ApplicationUser user, SignInMessage? error)
    {
        var key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        return InvitationPages.Setup(token, user.UserName!, key, AccountEndpoints.AuthenticatorUri(user, key), error);
    }
}
