namespace CaseManagement.Application.Statistics.Releases;

/// <summary>A breakdown of beneficiaries by service type (rows) and one attribute (columns), with its margins.</summary>
public sealed record ReleaseTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, TableRow Totals);
