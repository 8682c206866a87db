using System.Diagnostics;
using System.Diagnostics.Metrics;
using CaseManagement.Application.Common.Telemetry;

namespace CaseManagement.Infrastructure.Telemetry;

/// <summary>
/// Counters of the infrastructure, on the application's meter. Static, because the crypto helpers
/// that count are static. Tags are constants and type names: never an id (unbounded cardinality,
/// and an organisation's id next to a decrypt failure says too much).
/// </summary>
public static class InfrastructureMetrics
{
    public const string JobTag = "casemanagement.job";

    private static readonly Counter<long> AuditAppends = CaseManagementTelemetry.Meter.CreateCounter<long>(
        "casemanagement.audit.appends", unit: "{entry}", description: "Audit entries appended (or failed to append, with error.type).");

    private static readonly Counter<long> JobRuns = CaseManagementTelemetry.Meter.CreateCounter<long>(
        "casemanagement.job.runs", unit: "{run}", description: "Runs of the recurring jobs, by outcome.");

    private static readonly Counter<long> JobFailures = CaseManagementTelemetry.Meter.CreateCounter<long>(
        "casemanagement.job.failures", unit: "{run}", description: "Runs of the recurring jobs that failed.");

    private static readonly Counter<long> DecryptFailures = CaseManagementTelemetry.Meter.CreateCounter<long>(
        "casemanagement.crypto.decrypt_failures", unit: "{failure}", description: "Values or keys that failed to open: tampering, damage or a wrong key.");

    /// <summary>
    /// <paramref name="transaction"/> is "own" or "command": a command's entry is counted when appended,
    /// and its transaction may still roll back afterwards.
    /// </summary>
    public static void AuditAppended(string action, string outcome, string transaction, Exception? error = null)
    {
        var tags = new TagList { { "casemanagement.audit.action", action }, { "casemanagement.audit.outcome", outcome }, { "casemanagement.audit.transaction", transaction } };
        if (error is not null)
        {
            tags.Add(CaseManagementTelemetry.ErrorTypeTag, error.GetType().FullName);
        }

        AuditAppends.Add(1, tags);
    }

    public static void JobRan(string job, string outcome) =>
        JobRuns.Add(1, new KeyValuePair<string, object?>(JobTag, job), new KeyValuePair<string, object?>(CaseManagementTelemetry.OutcomeTag, outcome));

    public static void JobFailed(string job, Exception error) =>
        JobFailures.Add(1, new KeyValuePair<string, object?>(JobTag, job), new KeyValuePair<string, object?>(CaseManagementTelemetry.ErrorTypeTag, error.GetType().FullName));

    /// <summary><paramref name="kind"/>: field, sealed_box or key.</summary>
    public static void DecryptFailed(string kind) =>
        DecryptFailures.Add(1, new KeyValuePair<string, object?>("casemanagement.crypto.kind", kind));
}
