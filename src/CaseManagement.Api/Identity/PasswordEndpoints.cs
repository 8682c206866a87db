using CaseManagement.Application.Common.Auditing;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CaseManagement.Api.Identity;

/// <summary>
/// Self-service password change at /account/password: signed in, with the current password, a
/// fresh authenticator code and the new password twice. The new one must meet the policy
/// (<see cref="PasswordPolicyValidator"/>), which is checked first so that a refused choice spends
/// no code and counts as no failure.
/// </summary>
internal static class PasswordEndpoints
{
    public const string Path = "/account/password";

    public static IEndpointRouteBuilder MapPasswordPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, PageAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, ChangeAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext context, StepUp stepUp) =>
        await stepUp.SignedInUserAsync(context) is { } user
            ? SignInPages.ChangePassword(user.TwoFactorEnabled, null)
            : StepUp.ToSignIn(Path);

    private static async Task<IResult> ChangeAsync(
        HttpContext context, IAntiforgery antiforgery, StepUp stepUp, UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn, IAuditTrail audit, [FromForm] ChangePasswordForm form)
    {
        await antiforgery.ValidateFormAsync(context);
        if (await stepUp.SignedInUserAsync(context) is not { } user)
        {
            return StepUp.ToSignIn(Path);
        }

        var newPassword = form.NewPassword ?? string.Empty;
        if (!string.Equals(newPassword, form.RepeatPassword, StringComparison.Ordinal))
        {
            return SignInPages.ChangePassword(user.TwoFactorEnabled, SignInMessage.Of("Password.Differ"), StatusCodes.Status400BadRequest);
        }

        if (await PolicyErrorsAsync(users, user, newPassword) is { } refused)
        {
            await RecordAsync(audit, user, AuditOutcomes.Rejected);
            return SignInPages.ChangePassword(user.TwoFactorEnabled, refused, StatusCodes.Status400BadRequest);
        }

        if (await stepUp.ProveAsync(user, form.CurrentPassword, form.Code) is { } failure)
        {
            await RecordAsync(audit, user, AuditOutcomes.Denied);
            return SignInPages.ChangePassword(user.TwoFactorEnabled, failure);
        }

        // Identity checks the current password once more and gives the account a new security stamp.
        var changed = await users.ChangePasswordAsync(user, form.CurrentPassword!, newPassword);
        if (!changed.Succeeded)
        {
            await RecordAsync(audit, user, AuditOutcomes.Rejected);
            return SignInPages.ChangePassword(user.TwoFactorEnabled, Describe(changed) ?? PasswordPolicyMessages.Of(string.Empty), StatusCodes.Status400BadRequest);
        }

        // This browser's cookie carries the new stamp; other sessions are left to the stamp's checks.
        await signIn.RefreshSignInAsync(user);
        await RecordAsync(audit, user, AuditOutcomes.Success);
        return SignInPages.PasswordChanged();
    }

    /// <summary>The policy's verdict before anything is spent; null when the new password is acceptable.</summary>
    internal static async Task<SignInMessage?> PolicyErrorsAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return Describe(IdentityResult.Failed([.. errors]));
    }

    /// <summary>The validators' verdicts by their codes, in the page's language; like their own descriptions, they name neither the password nor the user.</summary>
    private static SignInMessage? Describe(IdentityResult result) => SignInMessage.Join(result.Errors.Select(e => PasswordPolicyMessages.Of(e.Code)));

    private static Task RecordAsync(IAuditTrail audit, ApplicationUser user, string outcome) =>
        audit.RecordAsync(new AuditRecord(user.OrganisationId, user.Id, null, AuditActions.PasswordChanged, "User", user.Id, outcome), CancellationToken.None);

    internal sealed record ChangePasswordForm(string? CurrentPassword, string? NewPassword, string? RepeatPassword, string? Code);
}
