using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Infrastructure.Tests.Statistics;

public sealed class CryptoNoiseSourceTests
{
    /// <summary>
    /// 40,000 draws at scale 2 against the discrete Laplace's known moments: mean 0, variance
    /// 2q/(1−q)², P(0) = (1−q)/(1+q), with q = e^(−1/2). The tolerances are about five standard errors.
    /// </summary>
    [Fact]
    public void Draws_follow_the_discrete_laplace_distribution()
    {
        var source = new CryptoNoiseSource();
        var draws = Enumerable.Range(0, 40_000).Select(_ => source.DiscreteLaplace(2)).ToList();
        var q = Math.Exp(-0.5);
        var mean = draws.Average();
        var variance = draws.Average(d => (d - mean) * (d - mean));
        Assert.InRange(mean, -0.07, 0.07);
        Assert.InRange(variance, 2 * q / ((1 - q) * (1 - q)) * 0.9, 2 * q / ((1 - q) * (1 - q)) * 1.1);
        Assert.InRange(draws.Count(d => d == 0) / 40_000.0, ((1 - q) / (1 + q)) - 0.011, ((1 - q) / (1 + q)) + 0.011);
        Assert.Contains(draws, d => d < -5);
        Assert.Contains(draws, d => d > 5);
    }
}
