using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CaseManagement.Application.Statistics.Releases;
using MiniExcelLibs;

namespace CaseManagement.Web.Formats;

/// <summary>
/// A release as an XLSX workbook: a "Release" sheet (period, revision, the suppression rule), the
/// yearly table, and one sheet per breakdown laid out as rows by columns with their totals.
/// </summary>
public static partial class ReleaseXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ReleaseDocument release)
    {
        var lines = ReleaseCells.Of(release).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Release"] = lines.Where(l => l.Section == "Release").Select(l => Row(("Item", l.Row), ("Value", l.Value))).ToList(),
            ["Annual"] = lines.Where(l => l.Section == "Annual").Select(l => Row(("Figure", l.Row), ("Of", l.Column), ("Value", l.Value))).ToList(),
        };
        foreach (var table in release.Tables)
        {
            // Headers are the sheet's keys: an organisation named "Service" or "Total" gets a number rather than
            // take those columns' place, and the number is one no other column is called.
            var names = new HashSet<string>(table.Columns.Append("Service").Append("Total"), StringComparer.OrdinalIgnoreCase);
            var taken = new HashSet<string>(["Service", "Total"], StringComparer.OrdinalIgnoreCase);
            var headers = table.Columns
                .Select(name => taken.Add(name) ? name : Enumerable.Range(2, (2 * names.Count) + 1).Select(n => $"{name} ({n})").First(h => !names.Contains(h) && taken.Add(h)))
                .Prepend("Service").Append("Total").ToList();

            sheets[SheetName(table.Name)] = table.Rows.Append(table.Totals).Select(row =>
                headers.Zip(row.Cells.Select(Number).Append(Number(row.Total)).Prepend(row.Label))
                    .ToDictionary(cell => cell.First, cell => cell.Second)).ToList();
        }

        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets);
        return Deterministic(buffer.ToArray());
    }

    /// <summary>
    /// The workbook again, the same bytes on every request: MiniExcel names the parts' relations
    /// with random ids, which become numbered in order of appearance, and a zip records when each
    /// part was written, which becomes one fixed time.
    /// </summary>
    private static byte[] Deterministic(byte[] workbook)
    {
        var stamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = RandomId().Replace(reader.ReadToEnd(), m =>
                    ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = $"rId{ids.Count + 1}");
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var writer = new StreamWriter(copy.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    [GeneratedRegex("R[0-9a-f]{32}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RandomId();

    /// <summary>A count as a number (so that a spreadsheet can sum it), a hidden one as the mark.</summary>
    private static object Number(long? value) => value is { } count ? count : ReleaseCells.Hidden;

    private static Dictionary<string, object?> Row(params (string Key, string Value)[] cells) => cells.ToDictionary(c => c.Key, c => (object?)c.Value);

    // Sheet names are limited to 31 characters.
    private static string SheetName(string table) => table.Length <= 31 ? table : table[..31];
}
