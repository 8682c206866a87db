using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CaseManagement.Application.Common.Telemetry;

/// <summary>
/// The application's own spans and metrics, under one name the host subscribes to. BCL types only,
/// so no layer needs an OpenTelemetry package; with no listener, spans are never created. Tags carry
/// type names, constants and outcomes only: never an id or a value a person entered.
/// </summary>
public static class CaseManagementTelemetry
{
    public const string Name = "CaseManagement";

    /// <summary>The tag naming a use case (the message type's name).</summary>
    public const string UseCaseTag = "casemanagement.use_case";

    /// <summary>The tag for success, rejected (an expected refusal) or failed.</summary>
    public const string OutcomeTag = "casemanagement.outcome";

    /// <summary>The OpenTelemetry convention's tag for what went wrong: an exception's type name, never its message.</summary>
    public const string ErrorTypeTag = "error.type";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Seconds per use case, with HTTP's bucket boundaries (the SDK's defaults are for milliseconds).</summary>
    public static readonly Histogram<double> UseCaseDuration = Meter.CreateHistogram(
        "casemanagement.use_case.duration", unit: "s", description: "Duration of each use case, by outcome.", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
}
