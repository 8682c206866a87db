namespace CaseManagement.Application.Common.Interfaces;

/// <summary>Noise for differential privacy, from a cryptographic random source (an attacker must not be able to predict or replay it).</summary>
public interface INoiseSource
{
    /// <summary>A draw from the discrete Laplace distribution: P(k) proportional to exp(−|k| / <paramref name="scale"/>).</summary>
    long DiscreteLaplace(double scale);
}
