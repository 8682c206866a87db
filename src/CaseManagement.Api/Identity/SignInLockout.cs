using CaseManagement.Infrastructure.Identity;
using CaseManagement.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManagement.Api.Identity;

/// <summary>
/// Lockout with exponential back-off: the n-th lockout of an account lasts
/// <c>LockoutDuration × 2^(n-1)</c>, at most a day, and the person is told for how long. A user name
/// that does not exist gets the same treatment from an in-memory record (keyed by a hash of the
/// name, never the name), so the answer never tells someone without the password whether the name
/// exists. Identity's own lockout end is overwritten with the longer one.
/// </summary>
internal sealed class SignInLockout(
    UserManager<ApplicationUser> users, IOptions<CaseManagementIdentityOptions> options, TimeProvider clock, UnknownNameLockouts phantoms)
{
    private const string Provider = "CaseManagement";
    private const string LockoutsToken = "Lockouts";
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>How long the account (or the name, if no account has it) stays locked, or null.</summary>
    public async Task<TimeSpan?> LockedForAsync(ApplicationUser? user, string typedName)
    {
        var now = clock.GetUtcNow();
        var end = user is null ? phantoms.End(typedName) : await users.GetLockoutEndDateAsync(user);
        return end > now ? end.Value - now : null;
    }

    /// <summary>Counts a failure; returns the lockout it caused, if any.</summary>
    public async Task<TimeSpan?> FailedAsync(ApplicationUser? user, string typedName)
    {
        if (user is null)
        {
            return phantoms.Failed(typedName, options.Value.MaxFailedAccessAttempts, Duration);
        }

        await users.AccessFailedAsync(user);
        if (!await users.IsLockedOutAsync(user))
        {
            return null;
        }

        var lockouts = int.TryParse(await users.GetAuthenticationTokenAsync(user, Provider, LockoutsToken), out var n) ? n + 1 : 1;
        await users.SetAuthenticationTokenAsync(user, Provider, LockoutsToken, lockouts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var duration = Duration(lockouts);
        await users.SetLockoutEndDateAsync(user, clock.GetUtcNow() + duration);
        return duration;
    }

    public async Task SucceededAsync(ApplicationUser user)
    {
        await users.ResetAccessFailedCountAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, Provider, LockoutsToken);
    }

    /// <summary>What the person reads: minutes, rounded up, and nothing about whether the account exists.</summary>
    public static SignInMessage Message(TimeSpan lockedFor)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(lockedFor.TotalMinutes));
        return CountForm.Of(minutes) switch
        {
            CountForm.One => SignInMessage.Of("SignIn.Locked.One", minutes),
            CountForm.Few => SignInMessage.Of("SignIn.Locked.Few", minutes),
            _ => SignInMessage.Of("SignIn.Locked.Many", minutes),
        };
    }

    private TimeSpan Duration(int lockouts) =>
        TimeSpan.FromTicks(Math.Min(Longest.Ticks, options.Value.LockoutDuration.Ticks * (1L << Math.Min(lockouts - 1, 20))));
}
