using CaseManagement.Application.Common.Auditing;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Ten single-use codes that stand in for the authenticator when it is lost. The store keeps only
/// their keyed hashes (<see cref="RecoveryCodeHashes"/>); they are shown once, when made. Each
/// redemption and each new set is audited, by user id only.
/// </summary>
public sealed class RecoveryCodes(UserManager<ApplicationUser> users, IAuditTrail audit)
{
    public const int SetSize = 10;
    private const int CodeLength = 10;

    /// <summary>What is compared: spaces and dashes dropped, upper case (Identity's codes are "XXXXX-XXXXX").</summary>
    public static string Normalise(string? typed) =>
        string.Concat((typed ?? string.Empty).Where(c => c != '-' && !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>True for what a recovery code looks like once normalised (ten letters or digits), never for a 6-digit authenticator code.</summary>
    public static bool LooksLikeRecoveryCode(string? typed) =>
        Normalise(typed) is { Length: CodeLength } code && code.All(char.IsAsciiLetterOrDigit);

    /// <summary>Replaces the user's codes with a new set, returned for showing once; the old set stops working.</summary>
    public async Task<IReadOnlyList<string>> RegenerateAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SetSize)
            ?? throw new InvalidOperationException("The recovery codes could not be saved.");
        await RecordAsync(user, AuditActions.RecoveryCodesGenerated, AuditOutcomes.Success, cancellationToken);
        return [.. codes];
    }

    /// <summary>
    /// Spends one of the user's codes, for a sign-in whose password is already proven. False when
    /// the code is not one of theirs or was used already; the caller counts that as a failed sign-in.
    /// </summary>
    public async Task<bool> TryRedeemAsync(ApplicationUser user, string? typed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!LooksLikeRecoveryCode(typed) || !(await users.RedeemTwoFactorRecoveryCodeAsync(user, typed!)).Succeeded)
        {
            return false;
        }

        await RecordAsync(user, AuditActions.RecoveryCodeRedeemed, AuditOutcomes.Success, cancellationToken);
        return true;
    }

    /// <summary>
    /// The second factor of a proven password: a code from the authenticator, or a recovery code in
    /// its place (ten letters and digits, spent once). Shared by the sign-in and the step-up.
    /// </summary>
    public async Task<bool> ProveSecondFactorAsync(ApplicationUser user, string? typed, CancellationToken cancellationToken = default) =>
        LooksLikeRecoveryCode(typed)
            ? await TryRedeemAsync(user, typed, cancellationToken)
            : await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, typed ?? string.Empty);

    public Task<int> RemainingAsync(ApplicationUser user) => users.CountRecoveryCodesAsync(user);

    private Task RecordAsync(ApplicationUser user, string action, string outcome, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(user.OrganisationId, user.Id, null, action, "User", user.Id, outcome), cancellationToken);
}
