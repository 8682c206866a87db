using CaseManagement.Application.Common.Telemetry;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CaseManagement.Api.Hosting;

/// <summary>
/// Log redaction (always), and OpenTelemetry traces, metrics and logs (only when asked for):
/// see docs/telemetry.md.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>True registers the providers without an OTLP endpoint: for tests, or an operator who adds an exporter of their own.</summary>
    public const string EnabledSetting = "Telemetry:Enabled";

    /// <summary>The standard variables, any of which turns OTLP export on. Read through configuration, so secret files and appsettings count too.</summary>
    private static readonly string[] EndpointKeys =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    /// <summary>Whether an OTLP endpoint is configured (the exporter would otherwise send to localhost:4317).</summary>
    public static bool ExportsOtlp(IConfiguration configuration) =>
        EndpointKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    /// <summary>Whether the OpenTelemetry SDK is registered at all: without it, no span is even created.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        ExportsOtlp(configuration) || configuration.GetValue<bool>(EnabledSetting);

    /// <summary>
    /// OpenIddict prints whole tokens and their claims in its Debug and Trace lines, so no provider gets
    /// its lines below Information, whatever the level configured for everything else (a rule that names
    /// an OpenIddict category more precisely still wins: docs/telemetry.md). Levels above are kept.
    /// </summary>
    internal static void KeepTokensOutOfLogs(LoggerFilterOptions options)
    {
        const string category = "OpenIddict";
        var rules = options.Rules.ToList();
        foreach (var provider in rules.Select(r => r.ProviderName).Append(null).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var applying = rules.Where(r => string.Equals(r.ProviderName, provider, StringComparison.OrdinalIgnoreCase) && Covers(r)).ToList();
            if (applying.Count == 0)
            {
                applying = [.. rules.Where(r => r.ProviderName is null && Covers(r))];
            }

            var level = applying.OrderBy(r => r.CategoryName?.Length ?? 0).LastOrDefault()?.LogLevel ?? options.MinLevel;
            options.Rules.Add(new LoggerFilterRule(provider, category, level > LogLevel.Information ? level : LogLevel.Information, null));
        }

        static bool Covers(LoggerFilterRule rule) => rule.CategoryName is null || category.StartsWith(rule.CategoryName, StringComparison.OrdinalIgnoreCase);
    }

    public static WebApplicationBuilder AddCaseManagementTelemetry(this WebApplicationBuilder builder)
    {
        // Every classified log parameter is redacted before any provider (console, OpenTelemetry) sees it.
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction => redaction
            .SetRedactor<ErasingRedactor>(new DataClassificationSet(DataTaxonomy.Personal), new DataClassificationSet(DataTaxonomy.Secret))
            .SetRedactor<PseudonymRedactor>(new DataClassificationSet(DataTaxonomy.Pseudonymous))
            .SetFallbackRedactor<ErasingRedactor>());
        builder.Services.PostConfigure<LoggerFilterOptions>(KeepTokensOutOfLogs);

        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        var telemetry = builder.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(CaseManagementTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation()
                .AddProcessor(new ScrubSpansProcessor()))
            .WithMetrics(metrics => metrics
                .AddMeter(CaseManagementTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddMeter("System.Runtime"))
            .WithLogging(
                logging => logging.AddProcessor(new FreezeRedactedValuesProcessor()).AddProcessor(new ExceptionTypeOnlyProcessor()),
                options =>
                {
                    options.IncludeFormattedMessage = true;
                    options.IncludeScopes = false;
                });
        if (ExportsOtlp(builder.Configuration))
        {
            // Last processor of each signal, so it exports what the scrubbing left.
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
