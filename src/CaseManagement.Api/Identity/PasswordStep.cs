using CaseManagement.Application.Common.Auditing;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The first step of every sign-in, whichever second factor follows (an authenticator code, a
/// recovery code or a passkey): the per-name rate limit, the account's state, lockout, and the
/// password, with an unknown or disabled name costing what a real check costs. Every failure is
/// counted and audited here; a success records nothing yet, as the second factor decides.
/// </summary>
internal sealed class PasswordStep(
    UserManager<ApplicationUser> users, SignInLockout lockout, UnknownNameLockouts names, UserNameRateLimiter nameLimiter,
    DummyPasswordCheck dummy, UserAccess access, IAuditTrail audit)
{
    /// <summary>The one answer to a wrong name, password, code or passkey: it never says which.</summary>
    public static readonly SignInMessage Failed = SignInMessage.Of("SignIn.Failed");

    public static readonly SignInMessage TooMany = SignInMessage.Of("SignIn.TooMany");

    /// <summary>The user whose password was right, or what to tell the person (and with which status).</summary>
    public async Task<Outcome> CheckAsync(string? typedName, string? password)
    {
        typedName ??= string.Empty;
        password ??= string.Empty;
        if (!nameLimiter.TryAcquire(names.Key(typedName)))
        {
            return new Outcome(null, TooMany, StatusCodes.Status429TooManyRequests);
        }

        var found = await users.FindByNameAsync(typedName);
        // A user of a disabled organisation is refused like a disabled one, before any password check.
        var user = found is { IsDisabled: false } && !await access.OrganisationDisabledAsync(found.OrganisationId) ? found : null;

        // Locked (or a name no account has, treated alike): no password check, the same answer either way.
        if (await lockout.LockedForAsync(user, typedName) is { } lockedFor)
        {
            dummy.Verify(password);
            await RecordAsync(user, AuditActions.SignInFailed);
            return new Outcome(null, SignInLockout.Message(lockedFor), StatusCodes.Status200OK);
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

        return passwordValid ? new Outcome(user, null, StatusCodes.Status200OK) : new Outcome(null, await FailAsync(user, typedName), StatusCodes.Status200OK);
    }

    /// <summary>Counts and audits a failed sign-in (a wrong password, code or passkey); returns what to tell the person.</summary>
    public async Task<SignInMessage> FailAsync(ApplicationUser? user, string typedName)
    {
        var lockedFor = await lockout.FailedAsync(user, typedName);
        await RecordAsync(user, AuditActions.SignInFailed);
        return lockedFor is { } duration ? SignInLockout.Message(duration) : Failed;
    }

    /// <summary>Audits a failed sign-in that was counted towards lockout already.</summary>
    public Task RecordFailureAsync(ApplicationUser user) => RecordAsync(user, AuditActions.SignInFailed);

    /// <summary>Both factors proven: the failures are forgotten and the sign-in audited (the caller then signs in).</summary>
    public async Task SucceededAsync(ApplicationUser user)
    {
        await lockout.SucceededAsync(user);
        await RecordAsync(user, AuditActions.SignIn);
    }

    private Task RecordAsync(ApplicationUser? user, string action) =>
        audit.RecordAsync(
            new AuditRecord(user?.OrganisationId, user?.Id, null, action, "User", user?.Id,
                action == AuditActions.SignIn ? AuditOutcomes.Success : AuditOutcomes.Denied),
            CancellationToken.None);

    /// <summary>What the password step decided: <paramref name="User"/> when the password was right, otherwise <paramref name="Error"/>.</summary>
    internal sealed record Outcome(ApplicationUser? User, SignInMessage? Error, int Status);
}
