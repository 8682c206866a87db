using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;

namespace CaseManagement.Api.Tests.Telemetry;

/// <summary>
/// What the in-memory exporters receive, each item turned into text as it arrives: what an OTLP
/// collector would store, searchable for canaries, without keeping spans or records alive.
/// </summary>
public sealed class TelemetryCapture
{
    private readonly ConcurrentQueue<string> _lines = new();

    public TelemetryCapture()
    {
        Spans = new TextCollection<Activity>(_lines, Render);
        Metrics = new TextCollection<MetricSnapshot>(_lines, Render);
        Logs = new TextCollection<LogRecord>(_lines, Render);
    }

    public ICollection<Activity> Spans { get; }

    public ICollection<MetricSnapshot> Metrics { get; }

    public ICollection<LogRecord> Logs { get; }

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The lines holding any of <paramref name="values"/> (case-insensitive).</summary>
    public IReadOnlyList<string> LinesContaining(IReadOnlyCollection<string> values)
    {
        var any = SearchValues.Create([.. values], StringComparison.OrdinalIgnoreCase);
        return [.. _lines.Where(line => line.AsSpan().ContainsAny(any))];
    }

    private static string Render(Activity span) =>
        $"span {span.Source.Name} {span.Kind} '{span.DisplayName}' status={span.Status}/{span.StatusDescription} "
        + $"tags[{Pairs(span.TagObjects)}] events[{string.Join(" | ", span.Events.Select(e => $"{e.Name} {Pairs(e.Tags)}"))}] baggage[{Pairs(span.Baggage)}]";

    private static string Render(MetricSnapshot metric) =>
        $"metric {metric.Name} points[{string.Join(" | ", metric.MetricPoints.Select(point => Pairs(Tags(point))))}]";

    private static string Render(LogRecord log) =>
        $"log {log.CategoryName} {log.LogLevel} body={log.Body} message={log.FormattedMessage} attributes[{Pairs(log.Attributes ?? [])}] exception={log.Exception}";

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private static string Pairs<T>(IEnumerable<KeyValuePair<string, T>> pairs) => string.Join(';', pairs.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>A collection the exporters add to; it keeps only the text.</summary>
    private sealed class TextCollection<T>(ConcurrentQueue<string> lines, Func<T, string> render) : ICollection<T>
    {
        public int Count => 0;

        public bool IsReadOnly => false;

        public void Add(T item) => lines.Enqueue(render(item));

        public void Clear()
        {
        }

        public bool Contains(T item) => false;

        public void CopyTo(T[] array, int arrayIndex)
        {
        }

        public bool Remove(T item) => false;

        public IEnumerator<T> GetEnumerator() => Enumerable.Empty<T>().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
