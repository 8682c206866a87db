using System.Security.Cryptography;
using System.Text;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Keeps each authenticator (TOTP) seed in <c>AspNetUserTokens</c> sealed with AES-256-GCM under a
/// key derived from the master key, bound to its user: whoever reads the table or a backup cannot
/// compute anyone's codes, and a sealed seed copied to another user's row does not open. A value
/// that is not sealed (written before this store) reads as no key, so that user enrols again.
/// Recovery codes, which Identity would keep in the same table in clear, are kept only as keyed
/// hashes (see <see cref="RecoveryCodeHashes"/>).
/// </summary>
public sealed class SealedAuthenticatorKeyUserStore(ApplicationDbContext context, IMasterKeyProvider masterKey, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole<Guid>, ApplicationDbContext, Guid>(context, describer)
{
    internal const string Purpose = "authenticator-keys";
    private const string Prefix = "v1:";

    // Identity's own names for the recovery codes' row, so a row it wrote in clear is the one replaced.
    private const string RecoveryCodesProvider = "[AspNetUserStore]";
    private const string RecoveryCodesName = "RecoveryCodes";

    public override Task SetAuthenticatorKeyAsync(ApplicationUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, Seal(user, key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        await base.GetAuthenticatorKeyAsync(user, cancellationToken) is { } stored ? Open(user, stored) : null;

    public override Task ReplaceCodesAsync(ApplicationUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SetTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName, RecoveryCodeHashes.Of(masterKey, user.Id, recoveryCodes), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(ApplicationUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = await GetTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName, cancellationToken);
        if (RecoveryCodeHashes.Without(masterKey, user.Id, stored, code) is not { } remaining)
        {
            return false;
        }

        // The caller saves the user, whose concurrency stamp lets only one of two racing redemptions succeed.
        await SetTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName, remaining, cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        RecoveryCodeHashes.Count(await GetTokenAsync(user, RecoveryCodesProvider, RecoveryCodesName, cancellationToken));

    private string Seal(ApplicationUser user, string key)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Prefix + Convert.ToBase64String(SealedBox.Seal(masterKey.DeriveKey(Purpose), Encoding.UTF8.GetBytes(key), user.Id.ToByteArray()));
    }

    private string? Open(ApplicationUser user, string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(SealedBox.Open(masterKey.DeriveKey(Purpose), Convert.FromBase64String(stored[Prefix.Length..]), user.Id.ToByteArray()));
        }
        catch (CryptographicException)
        {
            return null; // another user's seed, another master key, or tampering: no key at all
        }
    }
}
