using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// Pads free text before sealing: <c>length(4, big-endian) | text | zeros</c>, up to the smallest
/// bucket that holds it: 256 bytes, 1 KiB, 4 KiB, 16 KiB, 64 KiB, then whole multiples of 64 KiB.
/// A ciphertext then says only which bucket its note falls in, not how long it is.
/// </summary>
public static class FreeTextPadding
{
    private const int LengthSize = 4;
    private static readonly int[] Buckets = [256, 1024, 4096, 16 * 1024, 64 * 1024];

    public static int BucketFor(int length)
    {
        var needed = length + LengthSize;
        foreach (var bucket in Buckets)
        {
            if (needed <= bucket)
            {
                return bucket;
            }
        }

        return (needed + Buckets[^1] - 1) / Buckets[^1] * Buckets[^1];
    }

    public static byte[] Pad(ReadOnlySpan<byte> text)
    {
        var padded = new byte[BucketFor(text.Length)];
        BinaryPrimitives.WriteInt32BigEndian(padded, text.Length);
        text.CopyTo(padded.AsSpan(LengthSize));
        return padded;
    }

    public static byte[] Unpad(ReadOnlySpan<byte> padded)
    {
        var length = padded.Length >= LengthSize ? BinaryPrimitives.ReadInt32BigEndian(padded) : -1;
        return length >= 0 && length <= padded.Length - LengthSize
            ? padded.Slice(LengthSize, length).ToArray()
            : throw new CryptographicException("The padded value is malformed.");
    }
}
