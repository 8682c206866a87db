using CaseManagement.Application.Statistics.Releases;
using Microsoft.AspNetCore.Http;

namespace CaseManagement.Web.Formats;

/// <summary>A release, or an organisation's figures, as the file a person downloads: CSV or XLSX.</summary>
public static class ReleaseFiles
{
    /// <param name="name">The file's name without its extension.</param>
    public static IResult Of(ReleaseDocument document, string format, string name) => format == "csv"
        ? Results.File(ReleaseCsv.Write(document), ReleaseCsv.ContentType, $"{name}.csv")
        : Results.File(ReleaseXlsx.Write(document), ReleaseXlsx.ContentType, $"{name}.xlsx");
}
