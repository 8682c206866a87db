using OpenTelemetry;
using OpenTelemetry.Logs;

namespace CaseManagement.Api.Hosting;

/// <summary>
/// Framework log lines (the exception handler, EF Core, Hangfire) carry the exception itself, and the
/// OTLP exporter would send its message, which can quote a value (a unique key's, in SQL Server's
/// words). Only the exception's type leaves the process.
/// </summary>
internal sealed class ExceptionTypeOnlyProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Exception is { } exception)
        {
            data.Exception = null;
            data.Attributes = [.. data.Attributes ?? [], new KeyValuePair<string, object?>("exception.type", exception.GetType().FullName)];
        }
    }
}
