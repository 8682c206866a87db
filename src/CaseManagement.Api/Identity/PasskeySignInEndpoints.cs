using CaseManagement.Infrastructure.Identity;
using CaseManagement.Web;
using CaseManagement.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Api.Identity;

/// <summary>
/// A passkey as the second factor at sign-in, after the password (Identity's passwordless
/// <c>PasskeySignInAsync</c> is not used). The sign-in page's script asks for a challenge with the
/// user name and password, has the browser sign it with one of that user's passkeys, and posts the
/// result; both requests are fetches, as a form post from a page without a referrer would say
/// <c>Origin: null</c>. A right password counts as a failed attempt until the passkey proves the
/// rest, as a right password with a wrong code does: otherwise asking for a challenge would tell
/// whoever guessed the password that it was right, at no cost.
/// </summary>
internal static class PasskeySignInEndpoints
{
    /// <summary>Credential JSON is a few hundred bytes; anything far larger is not a browser's.</summary>
    private const int MaxCredentialLength = 16 * 1024;

    public static RouteGroupBuilder MapPasskeySignIn(this RouteGroupBuilder account)
    {
        account.MapPost("/login/passkey/options", OptionsAsync).DisableAntiforgery();
        account.MapPost("/login/passkey", SignInAsync).DisableAntiforgery();
        return account;
    }

    private static async Task<IResult> OptionsAsync(
        HttpContext context, IAntiforgery antiforgery, PasswordStep passwordStep, SignInLockout lockout, UserManager<ApplicationUser> users,
        IPasskeyHandler<ApplicationUser> passkeys, PasskeyChallenges challenges)
    {
        await antiforgery.ValidateRequestAsync(context);
        var form = OptionsForm.Of(await context.Request.ReadFormAsync());
        var checkedPassword = await passwordStep.CheckAsync(form.UserName, form.Password);
        if (checkedPassword.User is not { } user)
        {
            return Refused(checkedPassword.Error!, checkedPassword.Status);
        }

        // Counted now, forgotten when the passkey succeeds (see the class's summary).
        if (await lockout.FailedAsync(user, user.UserName!) is { } lockedFor)
        {
            return Refused(SignInLockout.Message(lockedFor));
        }

        if ((await users.GetPasskeysAsync(user)).Count == 0)
        {
            // No passkey to ask for: a failure like a wrong code, and the same answer.
            await passwordStep.RecordFailureAsync(user);
            return Refused(PasswordStep.Failed);
        }

        // With the user named, the options list that user's passkeys only, and the state records whose they must be.
        var options = await passkeys.MakeRequestOptionsAsync(user, context);
        var key = await challenges.IssueAsync(user.Id, PasskeyChallenges.SignIn, await users.GetSecurityStampAsync(user), options.AssertionState!);
        PasskeyChallengeCookie.Set(context, key);
        return Results.Content(options.RequestOptionsJson, "application/json");
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, IAntiforgery antiforgery, PasswordStep passwordStep, SignInLockout lockout, UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn, UserAccess access, IPasskeyHandler<ApplicationUser> passkeys, PasskeyChallenges challenges)
    {
        await antiforgery.ValidateRequestAsync(context);
        var form = AssertionForm.Of(await context.Request.ReadFormAsync());
        // No challenge (none asked for, expired, or used already): nobody to count a failure against.
        if (await challenges.TakeAsync(PasskeyChallengeCookie.Take(context), PasskeyChallenges.SignIn) is not { } challenge)
        {
            return Refused(PasswordStep.Failed);
        }

        var user = await users.FindByIdAsync(challenge.UserId.ToString());
        if (user is null || user.IsDisabled || await access.OrganisationDisabledAsync(user.OrganisationId)
            || !string.Equals(await users.GetSecurityStampAsync(user), challenge.SecurityStamp, StringComparison.Ordinal))
        {
            return Refused(PasswordStep.Failed);
        }

        if (await lockout.LockedForAsync(user, user.UserName!) is { } lockedFor)
        {
            return Refused(SignInLockout.Message(lockedFor));
        }

        var credential = form.Credential ?? string.Empty;
        var result = credential.Length is > 0 and <= MaxCredentialLength
            ? await passkeys.PerformAssertionAsync(new PasskeyAssertionContext { HttpContext = context, CredentialJson = credential, AssertionState = challenge.State })
            : null;
        if (result is not { Succeeded: true, Passkey: { } used, User: { } owner } || owner.Id != user.Id)
        {
            // The options request counted this attempt already; the failure is audited, and never explained.
            await passwordStep.RecordFailureAsync(user);
            return Refused(PasswordStep.Failed);
        }

        // The new signature count (a cloned key shows up as a count that goes backwards) and backup state.
        var stored = await users.AddOrUpdatePasskeyAsync(user, used);
        if (!stored.Succeeded)
        {
            return Refused(PasswordStep.Failed); // a concurrent sign-in changed the account first
        }

        await passwordStep.SucceededAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, AuthenticationMethods.WithPasskey());
        return Results.Json(new Redirect(LocalUrls.Safe(form.ReturnUrl)));
    }

    private static SignInRefusal Refused(SignInMessage error, int status = StatusCodes.Status400BadRequest) =>
        new(error, status == StatusCodes.Status200OK ? StatusCodes.Status400BadRequest : status);

    // Read by hand after the antiforgery check: minimal APIs' binding of a [FromForm] record answers 400 when a field is left out.
    internal sealed record OptionsForm(string? UserName, string? Password)
    {
        public static OptionsForm Of(IFormCollection form) => new(form["userName"], form["password"]);
    }

    internal sealed record AssertionForm(string? Credential, string? ReturnUrl)
    {
        public static AssertionForm Of(IFormCollection form) => new(form["credential"], form["returnUrl"]);
    }

    internal sealed record Redirect(string Location);
}
