using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// Readiness holds the master key to the database's data keys too: a replica that could not check it
/// at start (the database was down) is never sent traffic with the wrong key.
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
