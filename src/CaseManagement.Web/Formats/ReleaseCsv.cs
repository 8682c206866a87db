using System.Globalization;
using CaseManagement.Application.Statistics.Releases;
using CsvHelper;

namespace CaseManagement.Web.Formats;

/// <summary>A release as RFC 4180 CSV (UTF-8, no byte-order mark, CRLF): one line per figure, its rule first.</summary>
public static class ReleaseCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\r\n",
        WriteByteOrderMark = false,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Write(ReleaseDocument release)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, true))
        {
            csv.WriteRecord(["Section", "Row", "Column", "Value"]);
            foreach (var line in ReleaseCells.Of(release))
            {
                csv.WriteRecord([line.Section, line.Row, line.Column, line.Value]);
            }
        }

        return buffer.ToArray();
    }
}
