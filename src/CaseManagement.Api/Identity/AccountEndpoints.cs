using CaseManagement.Web;
using CaseManagement.Web.Security;
using System.Security.Claims;
using CaseManagement.Application.Common.Auditing;
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
    private const string Failed = "Sign-in failed. Check your details, or try again later if the account is locked.";

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        account.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            SignInPages.Login(context, antiforgery, LocalUrls.Safe(returnUrl), null));
        account.MapPost("/login", LoginAsync).DisableAntiforgery();
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
        IOptions<CaseManagementIdentityOptions> options, IHostEnvironment environment, IAuditTrail audit, SignInLockout lockout,
        UnknownNameLockouts names, UserNameRateLimiter nameLimiter, DummyPasswordCheck dummy, RecoveryCodes recoveryCodes, UserAccess access, [FromForm] LoginForm form)
    {
        await antiforgery.ValidateRequestAsync(context);
        var returnUrl = LocalUrls.Safe(form.ReturnUrl);
        var typedName = form.UserName ?? string.Empty;
        var password = form.Password ?? string.Empty;
        if (!nameLimiter.TryAcquire(names.Key(typedName)))
        {
            return SignInPages.Login(context, antiforgery, returnUrl, "Too many sign-in attempts for this user name. Wait a minute and try again.",
                StatusCodes.Status429TooManyRequests);
        }

        var found = await users.FindByNameAsync(typedName);
        // A user of a disabled organisation is refused like a disabled one, before any password check.
        var user = found is { IsDisabled: false } && !await access.OrganisationDisabledAsync(found.OrganisationId) ? found : null;

        // Locked (or a name no account has, treated alike): no password check, the same answer either way.
        if (await lockout.LockedForAsync(user, typedName) is { } lockedFor)
        {
            dummy.Verify(password);
            await RecordAsync(audit, user, AuditActions.SignInFailed);
            return SignInPages.Login(context, antiforgery, returnUrl, SignInLockout.Message(lockedFor));
        }

        bool passwordValid;
        if (user is null)
        {
            // The name typed is never recorded: it may be a mistyped password. Its cost matches a real check.
            dummy.Verify(password);
            passwordValid = false;
        }
        else
        {
            passwordValid = await users.CheckPasswordAsync(user, password);
        }

        if (!passwordValid)
        {
            return await FailAsync(context, antiforgery, audit, lockout, user, typedName, returnUrl);
        }

        var secondFactor = await NeedsSecondFactorAsync(user!, users, options.Value, environment);
        if (secondFactor)
        {
            if (!user!.TwoFactorEnabled)
            {
                if (!IdentitySetup.AllowsPlainHttp(environment))
                {
                    // Accounts enrol their authenticator when they accept their invitation. One without
                    // (reset, or from before invitations) waits for a new invitation: its password may be known to others.
                    return await FailAsync(context, antiforgery, audit, lockout, user, typedName, returnUrl);
                }

                // Development's demo accounts (and the test host's): password proven, no authenticator yet;
                // a short-lived cookie carries the user to enrolment only.
                await context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, PendingPrincipal(user));
                return Results.Redirect("/account/enrol?returnUrl=" + Uri.EscapeDataString(returnUrl));
            }

            if (!await recoveryCodes.ProveSecondFactorAsync(user, form.Code, CancellationToken.None))
            {
                return await FailAsync(context, antiforgery, audit, lockout, user, typedName, returnUrl);
            }
        }

        await lockout.SucceededAsync(user!);
        await signIn.SignInWithClaimsAsync(user!, isPersistent: false, AuthenticationMethods.Claims(secondFactor));
        await RecordAsync(audit, user, AuditActions.SignIn);
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> FailAsync(
        HttpContext context, IAntiforgery antiforgery, IAuditTrail audit, SignInLockout lockout, ApplicationUser? user, string typedName, string returnUrl)
    {
        var lockedFor = await lockout.FailedAsync(user, typedName);
        await RecordAsync(audit, user, AuditActions.SignInFailed);
        return SignInPages.Login(context, antiforgery, returnUrl, lockedFor is { } duration ? SignInLockout.Message(duration) : Failed);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        await CookieUser.ApplyAsync(context);
        await antiforgery.ValidateRequestAsync(context);
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.Redirect(LocalUrls.Home);
    }

    private static Task RecordAsync(IAuditTrail audit, ApplicationUser? user, string action) =>
        audit.RecordAsync(
            new AuditRecord(user?.OrganisationId, user?.Id, null, action, "User", user?.Id,
                action == AuditActions.SignIn ? AuditOutcomes.Success : AuditOutcomes.Denied),
            CancellationToken.None);

    private static async Task<IResult> EnrolPageAsync(HttpContext context, IAntiforgery antiforgery, UserManager<ApplicationUser> users, string? returnUrl)
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
        return SignInPages.Enrol(context, antiforgery, LocalUrls.Safe(returnUrl), key!, AuthenticatorUri(user, key!), null);
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
            return SignInPages.Enrol(context, antiforgery, returnUrl, key, AuthenticatorUri(user, key), "The code did not match. Try the next one.");
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
        return SignInPages.Message(StatusCodes.Status409Conflict, "Two-factor sign-in is already set up",
            "This account already has an authenticator. Sign in with its code; to replace it, ask your administrator.");
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
