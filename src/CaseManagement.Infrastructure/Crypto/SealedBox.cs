using System.Security.Cryptography;
using CaseManagement.Infrastructure.Telemetry;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// AES-256-GCM with a fresh random nonce, stored as <c>nonce(12) | ciphertext | tag(16)</c>: the one
/// layout for what is sealed directly under the master key or a key derived from it (organisation
/// data keys, the Data Protection key ring, authenticator seeds). Field values use
/// <see cref="FieldEnvelope"/>, which adds a header for key versions.
/// </summary>
public static class SealedBox
{
    public const int Overhead = FieldEnvelope.NonceSize + FieldEnvelope.TagSize;

    /// <summary>The decrypt-failure metric's kind; TryOpen counts too, as a box that should open did not.</summary>
    private const string Kind = "sealed_box";

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        var box = new byte[Overhead + plaintext.Length];
        var nonce = box.AsSpan(0, FieldEnvelope.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, FieldEnvelope.TagSize);
        aes.Encrypt(nonce, plaintext, box.AsSpan(FieldEnvelope.NonceSize, plaintext.Length), box.AsSpan(FieldEnvelope.NonceSize + plaintext.Length), associatedData);
        return box;
    }

    /// <summary>Opens and authenticates; a short, altered or misplaced box throws <see cref="CryptographicException"/>.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> box, ReadOnlySpan<byte> associatedData = default)
    {
        if (box.Length < Overhead)
        {
            InfrastructureMetrics.DecryptFailed(Kind);
            throw new CryptographicException("The sealed value is too short.");
        }

        var plaintext = new byte[box.Length - Overhead];
        using var aes = new AesGcm(key, FieldEnvelope.TagSize);
        try
        {
            aes.Decrypt(box[..FieldEnvelope.NonceSize], box.Slice(FieldEnvelope.NonceSize, plaintext.Length), box[^FieldEnvelope.TagSize..], plaintext, associatedData);
        }
        catch (CryptographicException)
        {
            InfrastructureMetrics.DecryptFailed(Kind);
            throw;
        }

        return plaintext;
    }

    /// <summary>The plaintext, or null where <see cref="Open"/> would throw: for values that may be damaged or sealed under another key.</summary>
    public static byte[]? TryOpen(ReadOnlySpan<byte> key, ReadOnlySpan<byte> box, ReadOnlySpan<byte> associatedData = default)
    {
        try
        {
            return Open(key, box, associatedData);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens a box of exactly <paramref name="plaintext"/>'s length with a cipher the caller keeps for
    /// many boxes, into the caller's buffer: false when the length differs or it does not authenticate.
    /// </summary>
    public static bool TryOpen(AesGcm aes, ReadOnlySpan<byte> box, Span<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(aes);
        if (box.Length != Overhead + plaintext.Length)
        {
            InfrastructureMetrics.DecryptFailed(Kind);
            return false;
        }

        try
        {
            aes.Decrypt(box[..FieldEnvelope.NonceSize], box.Slice(FieldEnvelope.NonceSize, plaintext.Length), box[^FieldEnvelope.TagSize..], plaintext);
            return true;
        }
        catch (CryptographicException)
        {
            InfrastructureMetrics.DecryptFailed(Kind);
            return false;
        }
    }
}
