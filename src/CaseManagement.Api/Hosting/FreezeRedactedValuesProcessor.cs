using Microsoft.Extensions.ObjectPool;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace CaseManagement.Api.Hosting;

/// <summary>
/// Turns redacted log values into strings while the log call is still running. Redaction puts pooled
/// formatters into the record, which are returned to the pool when the call ends, so a batching
/// exporter reading them later throws (open-telemetry/opentelemetry-dotnet#5276). First processor.
/// </summary>
internal sealed class FreezeRedactedValuesProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Attributes is { } attributes && attributes.Any(a => a.Value is IResettable))
        {
            data.Attributes = [.. attributes.Select(a => a.Value is IResettable ? new KeyValuePair<string, object?>(a.Key, a.Value.ToString()) : a)];
        }
    }
}
