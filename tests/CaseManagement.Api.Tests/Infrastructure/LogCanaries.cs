using System.Buffers;
using System.Collections.Concurrent;

[assembly: AssemblyFixture(typeof(CaseManagement.Api.Tests.Infrastructure.LogCanaries))]

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>
/// Every personal value the tests send, and every log line every test host writes, over the whole
/// run. When the run ends, no personal value may appear in any log line; if one does, the run fails.
/// </summary>
public sealed class LogCanaries : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, byte> Values = new(StringComparer.Ordinal);
    private static readonly ConcurrentBag<CapturedLogs> Captures = [];

    /// <summary>Registers a personal value sent to the API; short or common values would match by chance, so they are skipped.</summary>
    public static string Track(string value)
    {
        if (value.Length >= 8)
        {
            Values.TryAdd(value, 0);
        }

        return value;
    }

    public static void Watch(CapturedLogs logs) => Captures.Add(logs);

    /// <summary>Every value tracked so far, for scans of other outputs than the logs (exported telemetry).</summary>
    public static IReadOnlyCollection<string> Tracked => [.. Values.Keys];

    /// <summary>The values found in the captured logs so far.</summary>
    public static IReadOnlyList<string> Leaks()
    {
        // One multi-string search per line (SearchValues), not one search per value and line: the
        // logs run to millions of lines and the values to thousands.
        var values = Values.Keys.ToArray();
        var any = SearchValues.Create(values, StringComparison.OrdinalIgnoreCase);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Captures.SelectMany(c => c.Lines).Where(line => line.AsSpan().ContainsAny(any)))
        {
            found.UnionWith(values.Where(value => line.Contains(value, StringComparison.OrdinalIgnoreCase)));
        }

        return [.. found];
    }

    public ValueTask DisposeAsync()
    {
        var leaks = Leaks();
        return leaks.Count == 0
            ? ValueTask.CompletedTask
            : throw new InvalidOperationException($"{leaks.Count} personal values reached the application logs during the test run.");
    }
}
