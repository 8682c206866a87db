using System.Security.Cryptography;
using CaseManagement.Application.Common.Interfaces;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// Discrete Laplace noise as the difference of two geometric draws (Inusah and Kozubowski), each
/// by inversion of a uniform from <see cref="RandomNumberGenerator"/>.
/// </summary>
internal sealed class CryptoNoiseSource : INoiseSource
{
    public long DiscreteLaplace(double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 1e6);
        var logStay = -1 / scale; // log of the geometric's probability of one more step
        return Geometric(logStay) - Geometric(logStay);
    }

    /// <summary>The number of failures before the first success, one more step having probability e^<paramref name="logStay"/>.</summary>
    private static long Geometric(double logStay)
    {
        // A uniform in (0, 1]: 53 random bits, never zero.
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        var bits = BitConverter.ToUInt64(bytes) >> 11;
        var uniform = (bits + 1) * (1.0 / (1UL << 53));
        return (long)Math.Floor(Math.Log(uniform) / logStay);
    }
}
