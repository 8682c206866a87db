using CaseManagement.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace CaseManagement.Api.Tests.Telemetry;

/// <summary>The gate: no OpenTelemetry at all unless an OTLP endpoint or Telemetry:Enabled asks for it.</summary>
public sealed class TelemetrySetupTests
{
    [Theory]
    [InlineData(null, null, false, false)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317", true, true)]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces", true, true)]
    [InlineData("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://collector:4318/v1/metrics", true, true)]
    [InlineData("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://collector:4318/v1/logs", true, true)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", " ", false, false)]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", "api-key=x", false, false)]
    [InlineData("Telemetry:Enabled", "true", false, true)]
    [InlineData("Telemetry:Enabled", "false", false, false)]
    public void Providers_and_export_follow_the_configuration(string? key, string? value, bool exports, bool enabled)
    {
        var settings = new Dictionary<string, string?>();
        if (key is not null)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Assert.Equal(exports, TelemetrySetup.ExportsOtlp(configuration));
        Assert.Equal(enabled, TelemetrySetup.IsEnabled(configuration));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_either_setting_nothing_of_OpenTelemetry_is_registered(bool enabled)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        if (enabled)
        {
            builder.Configuration[TelemetrySetup.EnabledSetting] = "true";
        }

        builder.AddCaseManagementTelemetry();

        Assert.Equal(enabled, builder.Services.Any(d => d.ServiceType.Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true));
        Assert.Equal(enabled, builder.Services.Any(d => d.ServiceType == typeof(TracerProvider)));
    }

    [Theory]
    [InlineData(LogLevel.Trace, LogLevel.Information)]
    [InlineData(LogLevel.Debug, LogLevel.Information)]
    [InlineData(LogLevel.Warning, LogLevel.Warning)]
    public void OpenIddict_never_logs_below_Information_and_keeps_a_higher_level(LogLevel configured, LogLevel expected)
    {
        var options = new LoggerFilterOptions { MinLevel = LogLevel.Information };
        options.Rules.Add(new LoggerFilterRule(null, null, configured, null));
        options.Rules.Add(new LoggerFilterRule("Console", null, configured, null));

        TelemetrySetup.KeepTokensOutOfLogs(options);

        Assert.Equal(expected, options.Rules.Single(r => r.ProviderName is null && r.CategoryName == "OpenIddict").LogLevel);
        Assert.Equal(expected, options.Rules.Single(r => r.ProviderName == "Console" && r.CategoryName == "OpenIddict").LogLevel);
    }
}
