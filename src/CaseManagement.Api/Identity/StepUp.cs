using System.Security.Claims;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Identity;

/// <summary>
/// Proof, on top of the sign-in cookie, that the person at the keyboard holds the account: its
/// password and, once enrolled, a fresh authenticator code (or one of the recovery codes). A cookie left open on a shared
/// computer must not be enough to change the password or to read new recovery codes. Failures
/// count towards lockout like a failed sign-in and never say which part was wrong.
/// </summary>
internal sealed class StepUp(UserManager<ApplicationUser> users, SignInLockout lockout, RecoveryCodes recoveryCodes, TimeProvider clock)
{
    public static readonly SignInMessage Failed = SignInMessage.Of("StepUp.Failed");

    /// <summary>The user the sign-in cookie names, or null: no cookie, or one of a user now disabled, locked out or deleted (they read as anonymous).</summary>
    public async Task<ApplicationUser?> SignedInUserAsync(HttpContext context)
    {
        var signIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return signIn.Succeeded && signIn.Principal.FindFirstValue(OpenIddictConstants.Claims.Subject) is { } id && Guid.TryParse(id, out _)
            ? await users.FindByIdAsync(id)
            : null;
    }

    /// <summary>
    /// How long after signing in a person may change their passkeys without proving themselves again: long enough
    /// to add one right after signing in, short enough that a cookie left open soon needs the password and a code.
    /// </summary>
    public static readonly TimeSpan RecentSignIn = TimeSpan.FromMinutes(5);

    /// <summary>True when this browser's sign-in began within <see cref="RecentSignIn"/>, with a second factor (Development may waive it).</summary>
    public async Task<bool> SignedInRecentlyAsync(HttpContext context)
    {
        var signIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return signIn.Succeeded && AuthenticationMethods.HasSecondFactor(signIn.Principal) && CookieSessionCap.StartedAt(signIn.Properties) is { } started && clock.GetUtcNow() - started <= RecentSignIn;
    }

    /// <summary>As <see cref="ProveAsync"/>, except that a recent sign-in is proof enough.</summary>
    public async Task<SignInMessage?> ProveUnlessRecentAsync(HttpContext context, ApplicationUser user, string? password, string? code) =>
        await SignedInRecentlyAsync(context) ? null : await ProveAsync(user, password, code);

    /// <summary>Null when the password and code are right; otherwise what to tell the person (failed, or locked and for how long).</summary>
    public async Task<SignInMessage?> ProveAsync(ApplicationUser user, string? password, string? code)
    {
        if (await lockout.LockedForAsync(user, user.UserName!) is { } lockedFor)
        {
            return SignInLockout.Message(lockedFor);
        }

        // An over-long password is wrong without being hashed; the code is checked either way, so both paths look alike.
        var passwordRight = password is { Length: > 0 and <= PasswordPolicy.MaximumLength } && await users.CheckPasswordAsync(user, password);
        // A recovery code stands in for a lost authenticator, but a wrong password must not spend one.
        var codeRight = !user.TwoFactorEnabled
            || ((passwordRight || !RecoveryCodes.LooksLikeRecoveryCode(code)) && await recoveryCodes.ProveSecondFactorAsync(user, code));
        if (passwordRight && codeRight)
        {
            await lockout.SucceededAsync(user);
            return null;
        }

        return await lockout.FailedAsync(user, user.UserName!) is { } duration ? SignInLockout.Message(duration) : Failed;
    }

    /// <summary>Where a person without a sign-in is sent, to come back to <paramref name="page"/>.</summary>
    public static IResult ToSignIn(string page) => Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(page));
}
