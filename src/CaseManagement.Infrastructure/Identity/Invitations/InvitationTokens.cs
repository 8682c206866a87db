using System.Buffers.Text;
using System.Security.Cryptography;

namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>256 random bits, written in base64url (43 characters), stored only as their SHA-256.</summary>
public static class InvitationTokens
{
    private const int Bytes = 32;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The stored form of a token, or null for anything that cannot be one (no lookup for junk).</summary>
    public static byte[]? Hash(string? token)
    {
        if (token is null || token.Length != 43)
        {
            return null;
        }

        byte[] raw;
        try
        {
            raw = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }

        return raw.Length == Bytes ? SHA256.HashData(raw) : null;
    }
}
