using System.Security.Cryptography;
using System.Text;
using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>
/// The e-mail address an account was created with, sealed (AES-256-GCM under a key derived from
/// the master key, bound to the user id) in <see cref="ApplicationUser.SealedEmail"/>. Resets go
/// to this address only, so an administrator cannot send a colleague's new link to themselves.
/// </summary>
public sealed class StaffAddresses(IMasterKeyProvider masterKey)
{
    private const string Purpose = "staff-addresses";

    public string Seal(Guid userId, string address) =>
        Convert.ToBase64String(SealedBox.Seal(masterKey.DeriveKey(Purpose), Encoding.UTF8.GetBytes(address), userId.ToByteArray()));

    /// <summary>The address, or null when none is kept or it does not open (another user's row, another master key).</summary>
    public string? Open(Guid userId, string? sealedAddress)
    {
        if (sealedAddress is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(SealedBox.Open(masterKey.DeriveKey(Purpose), Convert.FromBase64String(sealedAddress), userId.ToByteArray()));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
