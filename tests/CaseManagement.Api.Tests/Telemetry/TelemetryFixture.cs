using CaseManagement.Api.Tests.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CaseManagement.Api.Tests.Telemetry;

/// <summary>
/// A host with the OpenTelemetry providers on (as with an OTLP endpoint, but exporting in memory),
/// every log level reaching them. The exporters are added after the host's own registrations, so
/// they see what the host's scrubbing processors left, as a collector would.
/// </summary>
public sealed class TelemetryFixture : SqliteApiFixture
{
    public TelemetryCapture Capture { get; } = new();

    /// <summary>Exports what the providers still hold (metrics are only read on a flush).</summary>
    public void Flush()
    {
        Services.GetRequiredService<TracerProvider>().ForceFlush();
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        Services.GetRequiredService<LoggerProvider>().ForceFlush();
    }

    protected override void ConfigureHost(IWebHostBuilder host)
    {
        host.UseSetting("Telemetry:Enabled", "true");
        host.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Capture.Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Capture.Metrics));
            services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(Capture.Logs));
            services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(OpenTelemetryLoggerProvider).FullName, null, LogLevel.Trace, null)));
        });
    }
}
