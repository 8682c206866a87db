using System.Diagnostics;
using OpenTelemetry;

namespace CaseManagement.Api.Hosting;

/// <summary>
/// Last look at a span before export. An error description is an exception's message (EF Core's
/// instrumentation sets it, and a duplicate-key message quotes the key), so it is cleared; query
/// strings and SQL parameter values are dropped even if an OTEL_DOTNET_EXPERIMENTAL_* variable
/// switched them on.
/// </summary>
internal sealed class ScrubSpansProcessor : BaseProcessor<Activity>
{
    private const string ParameterPrefix = "db.query.parameter.";

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Status == ActivityStatusCode.Error)
        {
            data.SetStatus(ActivityStatusCode.Error); // no description clears it
        }

        data.SetTag("url.query", null); // a null value removes the tag
        List<string>? parameters = null;
        foreach (var tag in data.TagObjects)
        {
            if (tag.Key.StartsWith(ParameterPrefix, StringComparison.Ordinal))
            {
                (parameters ??= []).Add(tag.Key);
            }
        }

        foreach (var key in parameters ?? [])
        {
            data.SetTag(key, null);
        }
    }
}
