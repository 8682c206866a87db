using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// Readiness holds the master key to the database's data keys too, so that no replica is sent traffic
/// with the wrong key, whatever happened at start (Development starts before the database answers).
/// </summary>
public sealed class MasterKeyHealthCheck(KeyRing keys) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await keys.EnsureMasterKeyMatchesAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The configured master key did not wrap this database's data keys.");
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            return HealthCheckResult.Unhealthy("The data keys could not be read.");
        }
    }

    /// <summary>The database did not answer, or has no key table yet (a retrying strategy wraps the provider's error).</summary>
    public static bool IsUnreachable(Exception exception) => exception is DbException || exception.InnerException is DbException;
}
