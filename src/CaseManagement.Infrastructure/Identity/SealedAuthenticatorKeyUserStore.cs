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
/// </summary>
public sealed class SealedAuthenticatorKeyUserStore(ApplicationDbContext context, IMasterKeyProvider masterKey, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole<Guid>, ApplicationDbContext, Guid>(context, describer)
{
    internal const string Purpose = "authenticator-keys";
    private const string Prefix = "v1:";

    public override Task SetAuthenticatorKeyAsync(ApplicationUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, Seal(user, key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        await base.GetAuthenticatorKeyAsync(user, cancellationToken) is { } stored ? Open(user, stored) : null;

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
