using CaseManagement.Application.Common.Auditing;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.Invitations;
using CaseManagement.Infrastructure.Persistence;
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
    public const int RecoveryCodeCount = 10;

    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        var invitation = app.MapGroup(InvitationLinks.PagePath).AllowAnonymous().ExcludeFromDescription();
        invitation.MapGet("/", (HttpContext context, IAntiforgery antiforgery) => InvitationPages.Open(context, antiforgery));
        invitation.MapPost("/", PostAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PostAsync(
        HttpContext context, IAntiforgery antiforgery, StaffInvitations invitations, UserManager<ApplicationUser> users,
        ApplicationDbContext db, IAuditTrail audit)
    {
        await antiforgery.ValidateRequestAsync(context);
        // Read by hand: the first step posts the token alone, the second every field.
        var posted = await context.Request.ReadFormAsync(context.RequestAborted);
        var form = new InvitationForm(posted["token"], posted["password"], posted["repeat"], posted["code"]);
        var found = await invitations.FindAsync(form.Token, context.RequestAborted);
        if (found is not { State: InvitationState.Open, Invitation: { } invitation, User: { } user })
        {
            return InvitationPages.Unusable(found.State);
        }

        if (form.Password is null)
        {
            // Opening the link: a new seed each time, so a key shown to anyone earlier is worth nothing.
            await users.ResetAuthenticatorKeyAsync(user);
            return await SetupAsync(context, antiforgery, users, form.Token!, user, null);
        }

        if (!string.Equals(form.Password, form.Repeat, StringComparison.Ordinal))
        {
            return await SetupAsync(context, antiforgery, users, form.Token!, user, "The two passwords differ.");
        }

        if (await PasswordProblemAsync(users, user, form.Password) is { } problem)
        {
            return await SetupAsync(context, antiforgery, users, form.Token!, user, problem);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, form.Code ?? string.Empty))
        {
            return await SetupAsync(context, antiforgery, users, form.Token!, user, "The code did not match. Enter the code your app shows now.");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted))
        {
            // Both requests of a double submit may get here: the update that marks the link used decides.
            if (!await invitations.TryUseAsync(invitation, context.RequestAborted))
            {
                return InvitationPages.Unusable(InvitationState.Used);
            }

            Check(await users.AddPasswordAsync(user, form.Password));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
            await transaction.CommitAsync(context.RequestAborted);
            await audit.RecordAsync(
                new AuditRecord(user.OrganisationId, user.Id, null, AuditActions.AcceptInvitation, "User", user.Id, AuditOutcomes.Success),
                CancellationToken.None);
            return InvitationPages.Accepted(user.UserName!, codes);
        }
    }

    private static async Task<IResult> SetupAsync(
        HttpContext context, IAntiforgery antiforgery, UserManager<ApplicationUser> users, string token, ApplicationUser user, string? error)
    {
        var key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        return InvitationPages.Setup(context, antiforgery, token, user.UserName!, key, AccountEndpoints.AuthenticatorUri(user, key), error);
    }

    /// <summary>The first reason the password validators give, in words that repeat neither the password nor the user name.</summary>
    private static async Task<string?> PasswordProblemAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded)
            {
                return string.Join(" ", result.Errors.Select(e => e.Description));
            }
        }

        return null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused the change: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    internal sealed record InvitationForm(string? Token, string? Password, string? Repeat, string? Code);
}
