using System.Diagnostics;
using CaseManagement.Application.Common.Telemetry;

namespace CaseManagement.Infrastructure.Telemetry;

/// <summary>
/// A span and the run and failure counts for one job run. Around the job methods themselves rather
/// than a Hangfire filter, so a run started by hand or by a test is counted the same way.
/// </summary>
public static class JobTelemetry
{
    public static async Task RunAsync(string job, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var activity = CaseManagementTelemetry.Source.StartActivity("job " + job);
        activity?.SetTag(InfrastructureMetrics.JobTag, job);
        try
        {
            await run(cancellationToken);
            InfrastructureMetrics.JobRan(job, "success");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown, not a fault: Hangfire runs it again.
            InfrastructureMetrics.JobRan(job, "cancelled");
            throw;
        }
        catch (Exception ex)
        {
            InfrastructureMetrics.JobRan(job, "failed");
            InfrastructureMetrics.JobFailed(job, ex);
            activity?.SetTag(CaseManagementTelemetry.ErrorTypeTag, ex.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error); // no description: the message may quote data
            throw;
        }
    }
}
