using CaseManagement.Application.Statistics.Disclosure;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Statistics;

namespace CaseManagement.Application.Statistics.Releases;

/// <summary>
/// Lays one period's figures out as the yearly table and its breakdowns, every number a cell of one
/// <see cref="DisclosureProblem"/>. Each breakdown's row totals are the yearly table's service rows
/// (one shared cell each), so hiding a service's figure hides it everywhere, and the audit sees how
/// the tables tie together.
/// </summary>
public sealed class ReleaseLayout
{
    public const string BySex = "ServiceBySex";
    public const string ByAgeBand = "ServiceByAgeBand";
    public const string ByExploitation = "ServiceByExploitationType";
    public const string ByOrganisation = "ServiceByOrganisation";
    public const string Minors = "Minors";
    public const string Adults = "Adults";
    public const string MultipleForms = "Multiple";
    public const string NotRecorded = "NotRecorded";

    private static readonly ServiceType[] Services = Enum.GetValues<ServiceType>();

    private readonly StatisticsInput _input;
    private readonly int[] _services;
    private readonly int _grandTotal;
    private readonly int _assisted;
    private readonly List<TableCells> _tables = [];

    private ReleaseLayout(StatisticsInput input, bool byOrganisation)
    {
        _input = input;
        _services = [.. Services.Select(s => Problem.AddCell(Sum(p => p.Service == s), isTotal: true))];
        _grandTotal = Problem.AddCell(_services.Sum(c => Problem.Values[c]), isTotal: true);
        Problem.AddEquation(_grandTotal, _services);
        _assisted = Problem.AddCell(Sum(p => p.Service is null));

        AddTable(BySex, [.. Enum.GetValues<Sex>().OrderBy(s => s == Sex.Unknown).Select(s => Leaf(s.ToString(), p => p.Sex == s))]);
        AddTable(ByAgeBand,
        [
            Leaf(nameof(AgeBand.Under14), p => p.AgeBand == AgeBand.Under14),
            Leaf(nameof(AgeBand.From14To17), p => p.AgeBand == AgeBand.From14To17),
            new Column(Minors, null, [nameof(AgeBand.Under14), nameof(AgeBand.From14To17)]),
            Leaf(nameof(AgeBand.From18To25), p => p.AgeBand == AgeBand.From18To25),
            Leaf(nameof(AgeBand.From26To35), p => p.AgeBand == AgeBand.From26To35),
            Leaf(nameof(AgeBand.From36To50), p => p.AgeBand == AgeBand.From36To50),
            Leaf(nameof(AgeBand.Over50), p => p.AgeBand == AgeBand.Over50),
            new Column(Adults, null, [nameof(AgeBand.From18To25), nameof(AgeBand.From26To35), nameof(AgeBand.From36To50), nameof(AgeBand.Over50)]),
            Leaf(nameof(AgeBand.Unknown), p => p.AgeBand == AgeBand.Unknown),
        ]);
        AddTable(ByExploitation,
        [
            .. Enum.GetValues<ExploitationTypes>().Where(t => t != ExploitationTypes.None).Select(t => Leaf(t.ToString(), p => ExploitationColumn(p.Exploitation) == t.ToString())),
            Leaf(MultipleForms, p => ExploitationColumn(p.Exploitation) == MultipleForms),
            Leaf(NotRecorded, p => ExploitationColumn(p.Exploitation) == NotRecorded),
        ]);
        if (byOrganisation)
        {
            AddTable(ByOrganisation, [.. input.Organisations.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id).Select(o => Leaf(o.Name, p => p.OrganisationId == o.Id))]);
        }
    }

    public DisclosureProblem Problem { get; } = new();

    /// <summary>The layout of a period's figures; the breakdown by organisation only for the platform's release.</summary>
    public static ReleaseLayout For(StatisticsInput input, bool byOrganisation)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ReleaseLayout(input, byOrganisation);
    }

    /// <summary>The release as published: every cell's value, or null where it is hidden.</summary>
    public ReleaseDocument ToDocument(StatisticsPeriod period, int? revision, bool provisional, SuppressionRule rule)
    {
        var trained = _input.Trained.Where(t => t.People > 0).OrderBy(t => t.Category).ToList();
        var annual = new AnnualFigures(
            [.. Services.Select((s, i) => new ServiceFigure(s, Problem.Published(_services[i])))],
            Problem.Published(_assisted),
            _input.PeopleReachedByCampaigns,
            trained.Sum(t => t.People),
            trained);
        var tables = _tables.Select(t => new ReleaseTable(
            t.Name,
            t.Columns,
            [.. Services.Select((s, row) => new TableRow(s.ToString(), [.. t.Cells[row].Select(Problem.Published)], Problem.Published(_services[row])))],
            new TableRow("Total", [.. t.ColumnTotals.Select(Problem.Published)], Problem.Published(_grandTotal))));
        return new ReleaseDocument(period.ToString(), period.Start, period.End, revision, provisional, rule, annual, [.. tables]);
    }

    /// <summary>The cells hidden in an earlier revision: hiding them again keeps two revisions from being differenced cell by cell.</summary>
    public IEnumerable<int> HiddenIn(ReleaseDocument earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        foreach (var (figure, index) in earlier.Annual.Services.Select((f, i) => (f, i)))
        {
            if (figure.Beneficiaries is null && index < _services.Length)
            {
                yield return _services[index];
            }
        }

        if (earlier.Annual.BeneficiariesAssisted is null)
        {
            yield return _assisted;
        }

        foreach (var table in earlier.Tables)
        {
            var ours = _tables.SingleOrDefault(t => t.Name == table.Name);
            if (ours is null)
            {
                continue;
            }

            foreach (var (column, index) in table.Columns.Select((c, i) => (c, i)))
            {
                var at = ours.Columns.IndexOf(column);
                if (at < 0)
                {
                    continue;
                }

                foreach (var (row, rowIndex) in table.Rows.Select((r, i) => (r, i)))
                {
                    if (row.Cells[index] is null && rowIndex < ours.Cells.Length)
                    {
                        yield return ours.Cells[rowIndex][at];
                    }
                }

                if (table.Totals.Cells[index] is null)
                {
                    yield return ours.ColumnTotals[at];
                }
            }
        }
    }

    private static Column Leaf(string name, Func<PopulationCount, bool> match) => new(name, match, null);

    private static string ExploitationColumn(ExploitationTypes types) =>
        types == ExploitationTypes.None ? NotRecorded
        : (types & (types - 1)) == 0 && Enum.IsDefined(types) ? types.ToString()
        : MultipleForms;

    private long Sum(Func<PopulationCount, bool> match) => _input.Populations.Where(match).Sum(p => p.People);

    private void AddTable(string name, IReadOnlyList<Column> columns)
    {
        var names = columns.Select(c => c.Name).ToList();
        var grouped = columns.Where(c => c.SubtotalOf is not null).SelectMany(c => c.SubtotalOf!).ToHashSet();
        var topLevel = names.Select((n, i) => (n, i)).Where(x => !grouped.Contains(x.n)).Select(x => x.i).ToList();
        var cells = new int[Services.Length][];
        for (var row = 0; row < Services.Length; row++)
        {
            var service = Services[row];
            cells[row] = new int[columns.Count];
            foreach (var (column, index) in columns.Select((c, i) => (c, i)).Where(x => x.c.Match is not null))
            {
                cells[row][index] = Problem.AddCell(Sum(p => p.Service == service && column.Match!(p)));
            }

            AddSubtotals(columns, names, cells[row]);
            Problem.AddEquation(_services[row], topLevel.Select(i => cells[row][i]));
        }

        var totals = new int[columns.Count];
        for (var index = 0; index < columns.Count; index++)
        {
            var column = index;
            totals[index] = Problem.AddCell(cells.Sum(r => Problem.Values[r[column]]), isTotal: true);
            Problem.AddEquation(totals[index], cells.Select(r => r[column]));
        }

        foreach (var (column, index) in columns.Select((c, i) => (c, i)).Where(x => x.c.SubtotalOf is not null))
        {
            Problem.AddEquation(totals[index], column.SubtotalOf!.Select(m => totals[names.IndexOf(m)]));
        }

        Problem.AddEquation(_grandTotal, topLevel.Select(i => totals[i]));
        _tables.Add(new TableCells(name, names, cells, totals));
    }

    /// <summary>A subtotal column's cell in one row: the sum of its members, and the relation that says so.</summary>
    private void AddSubtotals(IReadOnlyList<Column> columns, List<string> names, int[] row)
    {
        foreach (var (column, index) in columns.Select((c, i) => (c, i)).Where(x => x.c.SubtotalOf is not null))
        {
            var members = column.SubtotalOf!.Select(m => row[names.IndexOf(m)]).ToList();
            row[index] = Problem.AddCell(members.Sum(m => Problem.Values[m]), isTotal: true);
            Problem.AddEquation(row[index], members);
        }
    }

    private sealed record Column(string Name, Func<PopulationCount, bool>? Match, IReadOnlyList<string>? SubtotalOf);

    private sealed record TableCells(string Name, List<string> Columns, int[][] Cells, int[] ColumnTotals);
}
