using CaseManagement.Web;
using System.Security.Claims;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CaseManagement.Api.Identity;

/// <summary>
/// Password and TOTP sign-in for staff, with first-time enrolment of the authenticator. Failures
/// say nothing about which part failed, and every failure counts towards lockout.
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        account.MapGet("/login", (string? returnUrl) => SignInPages.Login(LocalUrls.Safe(returnUrl), null));
        account.MapPost("/login", LoginAsync).DisableAntiforgery();
        account.MapPasskeySignIn();
        if (IdentitySetup.AllowsPlainHttp(app.ServiceProvider.GetRequiredService<IHostEnvironment>()))
        {
            // Enrolment at sign-in serves Development's demo accounts only; elsewhere accounts enrol through their invitation.
            account.MapGet("/enrol", EnrolPageAsync);
            account.MapPost("/enrol", EnrolAsync).DisableAntiforgery();
        }

        account.MapGet("/done", () => SignInPages.Done());
        account.MapPost("/logout", LogoutAsync).DisableAntiforgery();
        app.MapInvitations();
        app.MapHomePage();
        app.MapSignInAssets();
        return app;
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context, IAntiforgery antiforgery, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
        IOptions<CaseManagementIdentityOptions> options, IHostEnvironment environment, PasswordStep passwordStep, RecoveryCodes recoveryCodes,
        [FromForm] LoginForm form)
    {
        await antiforgery.ValidateRequestAsync(context);
        var returnUrl = LocalUrls.Safe(form.ReturnUrl);
        var typedName = form.UserName ?? string.Empty;
        var checkedPassword = await passwordStep.CheckAsync(typedName, form.Password);
        if (checkedPassword.User is not { } user)
        {
            return SignInPages.Login(returnUrl, checkedPassword.Error, checkedPassword.Status);
        }

        var secondFactor = await NeedsSecondFactorAsync(user, users, options.Value, environment);
        if (secondFactor)
        {
            if (!user.TwoFactorEnabled)
            {
                if (!IdentitySetup.AllowsPlainHttp(environment))
                {
                    // Accounts enrol their authenticator when they accept their invitation. One without
                    // (reset, or from before invitations) waits for a new invitation: its password may be known to others.
                    return SignInPages.Login(returnUrl, await passwordStep.FailAsync(user, typedName));
                }

                // Development's demo accounts (and the test host's): password proven, no authenticator yet;
                // a short-lived cookie carries the user to enrolment only.
                await context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, PendingPrincipal(user));
                return Results.Redirect("/account/enrol?returnUrl=" + Uri.EscapeDataString(returnUrl));
            }

            if (!await recoveryCodes.ProveSecondFactorAsync(user, form.Code, CancellationToken.None))
            {
                return SignInPages.Login(returnUrl, await passwordStep.FailAsync(user, typedName));
            }
        }

        await passwordStep.SucceededAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, AuthenticationMethods.Claims(secondFactor));
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        await antiforgery.ValidateFormAsync(context);
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.Redirect(LocalUrls.Home);
    }

    private static async Task<IResult> EnrolPageAsync(HttpContext context, UserManager<ApplicationUser> users, string? returnUrl)
    {
        var user = await PendingUserAsync(context, users);
        if (user is null)
        {
            return Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(LocalUrls.Safe(returnUrl)));
        }

        if (user.TwoFactorEnabled)
        {
            // Enrolled already: showing a key now would hand the live seed to whoever holds this cookie.
            return await AlreadyEnrolledAsync(context);
        }

        // A fresh key on every view: a key shown once and not confirmed is never shown again.
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        return SignInPages.Enrol(LocalUrls.Safe(returnUrl), key!, AuthenticatorUri(user, key!), null);
    }

    private static async Task<IResult> EnrolAsync(
        HttpContext context, IAntiforgery antiforgery, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, SignInLockout lockout,
        [FromForm] EnrolForm form)
    {
        await antiforgery.ValidateRequestAsync(context);
        var returnUrl = LocalUrls.Safe(form.ReturnUrl);
        var user = await PendingUserAsync(context, users);
        if (user is null)
        {
            return Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        if (user.TwoFactorEnabled)
        {
            return await AlreadyEnrolledAsync(context);
        }

        var key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, form.Code ?? string.Empty))
        {
            await lockout.FailedAsync(user, user.UserName!);
            return SignInPages.Enrol(returnUrl, key, AuthenticatorUri(user, key), SignInMessage.Of("Enrol.Mismatch"));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, AuthenticationMethods.Claims(secondFactor: true));
        return Results.Redirect(returnUrl);
    }

    /// <summary>A second enrolment would replace the authenticator without the current one: sign in normally instead.</summary>
    private static async Task<IResult> AlreadyEnrolledAsync(HttpContext context)
    {
        await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        return SignInPages.Message(StatusCodes.Status409Conflict, "Enrol.AlreadyTitle", "Enrol.AlreadyText");
    }

    private static async Task<bool> NeedsSecondFactorAsync(
        ApplicationUser user, UserManager<ApplicationUser> users, CaseManagementIdentityOptions options, IHostEnvironment environment)
    {
        if (user.TwoFactorEnabled || options.RequireTwoFactor || !environment.IsDevelopment())
        {
            return true;
        }

        // Only Development may waive the second factor, and never for a role that reads personal data.
        return (await users.GetRolesAsync(user)).Any(Roles.ReadsPersonalData);
    }

    private static ClaimsPrincipal PendingPrincipal(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme));

    private static async Task<ApplicationUser?> PendingUserAsync(HttpContext context, UserManager<ApplicationUser> users)
    {
        var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return pending.Succeeded && pending.Principal.Identity?.Name is { } id ? await users.FindByIdAsync(id) : null;
    }

    internal static string AuthenticatorUri(ApplicationUser user, string key) =>
        $"otpauth://totp/CaseManagement:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=CaseManagement&digits=6";

    internal sealed record LoginForm(string? UserName, string? Password, string? Code, string? ReturnUrl);

    internal sealed record EnrolForm(string? Code, string? ReturnUrl);
}
