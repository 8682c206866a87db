namespace CaseManagement.Application.Statistics.Releases;

/// <summary>One row of a breakdown: its cells in the table's column order, and its total. Null: suppressed.</summary>
public sealed record TableRow(string Label, IReadOnlyList<long?> Cells, long? Total);
