using CaseManagement.Web.Formats;
using CaseManagement.Application.Statistics.Releases;
using MiniExcelLibs;

namespace CaseManagement.Web.Tests.Formats;

public sealed class ReleaseXlsxTests
{
    [Fact]
    public void Organisations_named_like_the_fixed_columns_keep_their_own_columns()
    {
        var table = new ReleaseTable(ReleaseLayout.ByOrganisation, ["Service", "Total", "total", "Total (2)"],
            [new TableRow("Residential", [1, 2, 3, 4], 10)], new TableRow("Total", [1, 2, 3, 4], 10));
        var document = new ReleaseDocument("2024", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 1, false,
            new SuppressionRule(5, "rule"), new AnnualFigures([], null, null, 0, 0, []), [table]);

        var rows = MiniExcel.Query(new MemoryStream(ReleaseXlsx.Write(document)), useHeaderRow: true, sheetName: ReleaseLayout.ByOrganisation)
            .Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(["Service", "Service (2)", "Total (3)", "total (4)", "Total (2)", "Total"], rows[0].Keys);
        Assert.Equal(["Residential", 1d, 2d, 3d, 4d, 10d], rows[0].Values);
    }
}
