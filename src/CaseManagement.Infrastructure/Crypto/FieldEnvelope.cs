using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// The stored form of an encrypted value: <c>format(1) | keyVersion(4, big-endian) | nonce(12) | ciphertext | tag(16)</c>,
/// AES-256-GCM with a fresh random nonce per value. The header and the <see cref="FieldContext"/>
/// are the associated data, so neither can be altered or swapped without the tag failing.
/// Format 1 seals the value as it is; format 2 seals free text padded to a size bucket
/// (<see cref="FreeTextPadding"/>), so that the stored length does not tell a short note from a long one.
/// </summary>
public static class FieldEnvelope
{
    public const byte FormatVersion = 1;
    public const byte PaddedFormatVersion = 2;
    public const int HeaderSize = 1 + 4;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = HeaderSize + NonceSize + TagSize;

    public static byte[] Seal(AesGcm aes, int keyVersion, in FieldContext context, ReadOnlySpan<byte> plaintext, bool padded = false)
    {
        var sealedText = padded ? FreeTextPadding.Pad(plaintext) : plaintext;
        var stored = new byte[Overhead + sealedText.Length];
        var span = stored.AsSpan();
        span[0] = padded ? PaddedFormatVersion : FormatVersion;
        BinaryPrimitives.WriteInt32BigEndian(span[1..HeaderSize], keyVersion);
        var nonce = span.Slice(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        Span<byte> associated = stackalloc byte[HeaderSize + FieldContext.MaxLength];
        var associatedLength = WriteAssociatedData(span[..HeaderSize], context, associated);
        aes.Encrypt(nonce, sealedText, span.Slice(HeaderSize + NonceSize, sealedText.Length), span[^TagSize..], associated[..associatedLength]);
        return stored;
    }

    /// <summary>The data-key version a stored value was sealed with. Throws on an unknown format.</summary>
    public static int ReadKeyVersion(ReadOnlySpan<byte> stored)
    {
        if (stored.Length < Overhead || stored[0] is not (FormatVersion or PaddedFormatVersion))
        {
            throw new CryptographicException("The stored value is not in a known encryption format.");
        }

        return BinaryPrimitives.ReadInt32BigEndian(stored[1..HeaderSize]);
    }

    /// <summary>Decrypts and authenticates; any change to the value, its header or its context throws.</summary>
    public static byte[] Open(AesGcm aes, in FieldContext context, ReadOnlySpan<byte> stored)
    {
        ReadKeyVersion(stored);
        var plaintext = new byte[stored.Length - Overhead];
        Span<byte> associated = stackalloc byte[HeaderSize + FieldContext.MaxLength];
        var associatedLength = WriteAssociatedData(stored[..HeaderSize], context, associated);
        aes.Decrypt(
            stored.Slice(HeaderSize, NonceSize),
            stored.Slice(HeaderSize + NonceSize, plaintext.Length),
            stored[^TagSize..],
            plaintext,
            associated[..associatedLength]);
        return stored[0] == PaddedFormatVersion ? FreeTextPadding.Unpad(plaintext) : plaintext;
    }

    private static int WriteAssociatedData(ReadOnlySpan<byte> header, in FieldContext context, Span<byte> destination)
    {
        header.CopyTo(destination);
        return HeaderSize + context.Write(destination[HeaderSize..]);
    }
}
