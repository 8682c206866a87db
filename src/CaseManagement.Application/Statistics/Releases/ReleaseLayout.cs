using CaseManagement.Application.Common.Interfaces;
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
    private readonly int _deduplicated;
    private readonly List<TableCells> _tables = [];

    private ReleaseLayout(StatisticsInput input, bool byOrganisation)
    {
        _input = input;
        _services = [.. Services.Select(s => Cell(p => p.Service == s, isTotal: true))];
        _grandTotal = Cell(p => p.Service is not null, isTotal: true);
        Problem.AddEquation(_grandTotal, _services);
        _assisted = Cell(p => p.Service is null);
        // Standalone: it is in no sum, and no organisation can take its own share out of it.
        _deduplicated = Problem.AddCell(input.DeduplicatedAssisted, new Dictionary<Guid, long>());

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
        if (byOrganisation && input.Organisations.Count > 0)
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

    /// <summary>
    /// Differential privacy: discrete Laplace noise on each service's total, on the two totals
    /// assisted, and on every cell of each breakdown; each breakdown row is then fitted to its
    /// service's noisy total (<see cref="ConsistentRounding"/>), and subtotals and margins are
    /// added up from the fitted cells, so the tables stay additive and clamping small cells at zero
    /// pushes no total up (only the noisy totals themselves are clamped).
    /// </summary>
    public void AddNoise(INoiseSource noise, double scale)
    {
        ArgumentNullException.ThrowIfNull(noise);
        foreach (var cell in _services.Append(_assisted).Append(_deduplicated))
        {
            Problem.Replace(cell, Math.Max(0, Problem.Values[cell] + noise.DiscreteLaplace(scale)));
        }

        foreach (var table in _tables)
        {
            var leaves = Enumerable.Range(0, table.Definitions.Count).Where(i => table.Definitions[i].SubtotalOf is null).ToList();
            for (var row = 0; row < Services.Length; row++)
            {
                var cells = table.Cells[row];
                var fitted = ConsistentRounding.Fit([.. leaves.Select(i => Problem.Values[cells[i]] + noise.DiscreteLaplace(scale))], Problem.Values[_services[row]]);
                foreach (var (column, value) in leaves.Zip(fitted))
                {
                    Problem.Replace(cells[column], value);
                }

                foreach (var column in Enumerable.Range(0, table.Definitions.Count).Except(leaves))
                {
                    Problem.Replace(cells[column], table.Definitions[column].SubtotalOf!.Sum(m => Problem.Values[cells[table.Columns.IndexOf(m)]]));
                }
            }

            for (var column = 0; column < table.Definitions.Count; column++)
            {
                Problem.Replace(table.ColumnTotals[column], table.Cells.Sum(r => Problem.Values[r[column]]));
            }
        }

        Problem.Replace(_grandTotal, _services.Sum(s => Problem.Values[s]));
    }

    /// <summary>The release as published: every cell's value, or null where it is hidden.</summary>
    public ReleaseDocument ToDocument(StatisticsPeriod period, int? revision, bool provisional, SuppressionRule rule)
    {
        var trained = _input.Trained.Where(t => t.People > 0).OrderBy(t => t.Category).ToList();
        var annual = new AnnualFigures(
            [.. Services.Select((s, i) => new ServiceFigure(s, Problem.Published(_services[i])))],
            Problem.Published(_assisted),
            Problem.Published(_deduplicated),
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

    /// <summary>
    /// The deduplicated total, when it falls short of the sum over organisations by 1 to k−1 (shown,
    /// the two would tell how few people two organisations shared), and in every revision: a member
    /// could record a guessed identity late and read in the next revision whether another
    /// organisation serves that person.
    /// </summary>
    public IEnumerable<int> RevealingOverlap(int threshold, bool revision)
    {
        var shared = Problem.Values[_assisted] - Problem.Values[_deduplicated];
        return revision || (shared > 0 && shared < threshold) ? [_deduplicated] : [];
    }

    /// <summary>The cells hidden in an earlier revision: hiding them again keeps two revisions from being differenced cell by cell.</summary>
    public IEnumerable<int> HiddenIn(ReleaseDocument earlier) => Matching(earlier).Where(m => m.Earlier is null).Select(m => m.Cell);

    /// <summary>
    /// The cells an earlier revision published that have since moved by 1 to k−1: published again,
    /// the difference would count the few people recorded late. They are hidden too.
    /// </summary>
    public IEnumerable<int> ChangedLittleSince(ReleaseDocument earlier, int threshold) =>
        Matching(earlier).Where(m => m.Earlier is { } value && Math.Abs(Problem.Values[m.Cell] - value) is var change && change > 0 && change < threshold).Select(m => m.Cell);

    /// <summary>
    /// The cells where some member's view moved by 1 to k−1 since an earlier revision: a member
    /// knows how its own people changed, so what it sees move is the others' change. Needs each
    /// member's shares of the earlier revision (<paramref name="earlierShares"/>, kept sealed with it);
    /// without them (they did not open), every cell the earlier revision published.
    /// </summary>
    public IEnumerable<int> ChangedLittleForAMember(ReleaseDocument earlier, Dictionary<string, Dictionary<Guid, long>>? earlierShares, int threshold)
    {
        foreach (var (key, cell, value) in Matching(earlier))
        {
            if (value is not { } before)
            {
                continue;
            }

            if (earlierShares is null)
            {
                yield return cell;
                continue;
            }

            var now = Problem.SharesOf(cell);
            if (!earlierShares.TryGetValue(key, out var then))
            {
                yield return cell; // a cell the earlier shares do not name: nothing is known of them
                continue;
            }

            if (now.Keys.Union(then.Keys).Any(member =>
                    Math.Abs(Problem.Values[cell] - now.GetValueOrDefault(member) - (before - then.GetValueOrDefault(member))) is > 0 and var change && change < threshold))
            {
                yield return cell;
            }
        }
    }

    /// <summary>Each organisation's share of every cell, by the cell's place in the release: kept, sealed, with the release for its later revisions.</summary>
    public byte[] EncodeShares()
    {
        var cells = Keyed().DistinctBy(k => k.Key).ToDictionary(k => k.Key, k => k.Cell, StringComparer.Ordinal);
        return ReleaseShares.Encode([.. cells.Keys], [.. _input.Organisations.Select(o => o.Id).Order()],
            (key, organisation) => Problem.SharesOf(cells[key]).GetValueOrDefault(organisation));
    }

    /// <summary>Each of this layout's cells that the earlier release also had, with what it published there (null: hidden).</summary>
    private IEnumerable<(string Key, int Cell, long? Earlier)> Matching(ReleaseDocument earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var published = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var figure in earlier.Annual.Services)
        {
            published[Key("Annual", figure.Service.ToString())] = figure.Beneficiaries;
        }

        published[Key("Annual", "Assisted")] = earlier.Annual.BeneficiariesAssisted;
        published[Key("Annual", "Deduplicated")] = earlier.Annual.BeneficiariesAssistedDeduplicated;
        foreach (var table in earlier.Tables)
        {
            foreach (var row in table.Rows.Append(table.Totals))
            {
                foreach (var (column, index) in table.Columns.Select((c, i) => (c, i)))
                {
                    published[Key(table.Name, row.Label, column)] = row.Cells[index];
                }

                published[Key(table.Name, row.Label, RowTotal)] = row.Total;
            }
        }

        return Keyed().Where(k => published.ContainsKey(k.Key)).Select(k => (k.Key, k.Cell, published[k.Key]));
    }

    /// <summary>Every cell with a key naming its place in the release; a shared margin comes once per place it appears.</summary>
    private IEnumerable<(string Key, int Cell)> Keyed()
    {
        foreach (var (service, index) in Services.Select((s, i) => (s, i)))
        {
            yield return (Key("Annual", service.ToString()), _services[index]);
        }

        yield return (Key("Annual", "Assisted"), _assisted);
        yield return (Key("Annual", "Deduplicated"), _deduplicated);
        foreach (var table in _tables)
        {
            foreach (var (service, row) in Services.Select((s, i) => (s, i)))
            {
                foreach (var (column, index) in table.Columns.Select((c, i) => (c, i)))
                {
                    yield return (Key(table.Name, service.ToString(), column), table.Cells[row][index]);
                }

                yield return (Key(table.Name, service.ToString(), RowTotal), _services[row]);
            }

            foreach (var (column, index) in table.Columns.Select((c, i) => (c, i)))
            {
                yield return (Key(table.Name, "Total", column), table.ColumnTotals[index]);
            }

            yield return (Key(table.Name, "Total", RowTotal), _grandTotal);
        }
    }

    // A control character cannot be in a name (text fields refuse them), so no two places share a key,
    // and the rows' totals cannot be taken for a column (an organisation may be called "Total").
    private const string RowTotal = "\u001dTotal";

    private static string Key(params string[] parts) => string.Join('\u001f', parts);

    private static Column Leaf(string name, Func<PopulationCount, bool> match) => new(name, match, null);

    /// <summary>The column of the breakdown by form of exploitation that a person's recorded forms fall in.</summary>
    public static string ExploitationColumn(ExploitationTypes types) =>
        types == ExploitationTypes.None ? NotRecorded
        : (types & (types - 1)) == 0 && Enum.IsDefined(types) ? types.ToString()
        : MultipleForms;

    /// <summary>A cell counting the people <paramref name="match"/> selects, with each organisation's share of them.</summary>
    private int Cell(Func<PopulationCount, bool> match, bool isTotal = false)
    {
        var selected = _input.Populations.Where(match).ToList();
        var shares = selected.GroupBy(p => p.OrganisationId).ToDictionary(g => g.Key, g => g.Sum(p => p.People));
        return Problem.AddCell(selected.Sum(p => p.People), shares, isTotal);
    }

    private void AddTable(string name, IReadOnlyList<Column> columns)
    {
        var names = columns.Select(c => c.Name).ToList();
        var grouped = columns.Where(c => c.SubtotalOf is not null).SelectMany(c => c.SubtotalOf!).ToHashSet();
        var topLevel = names.Select((n, i) => (n, i)).Where(x => !grouped.Contains(x.n)).Select(x => x.i).ToList();
        // A subtotal column selects the people of any of its members.
        var matches = columns.Select(c => c.Match ?? (p => c.SubtotalOf!.Any(m => columns[names.IndexOf(m)].Match!(p)))).ToList();
        var cells = new int[Services.Length][];
        for (var row = 0; row < Services.Length; row++)
        {
            var service = Services[row];
            cells[row] = [.. columns.Select((c, i) => Cell(p => p.Service == service && matches[i](p), isTotal: c.SubtotalOf is not null))];
            Problem.AddEquation(_services[row], topLevel.Select(i => cells[row][i]));
            foreach (var (column, index) in columns.Select((c, i) => (c, i)).Where(x => x.c.SubtotalOf is not null))
            {
                Problem.AddEquation(cells[row][index], column.SubtotalOf!.Select(m => cells[row][names.IndexOf(m)]));
            }
        }

        var totals = columns.Select((_, i) => Cell(p => p.Service is not null && matches[i](p), isTotal: true)).ToArray();
        for (var index = 0; index < columns.Count; index++)
        {
            var column = index;
            Problem.AddEquation(totals[index], cells.Select(r => r[column]));
        }

        foreach (var (column, index) in columns.Select((c, i) => (c, i)).Where(x => x.c.SubtotalOf is not null))
        {
            Problem.AddEquation(totals[index], column.SubtotalOf!.Select(m => totals[names.IndexOf(m)]));
        }

        Problem.AddEquation(_grandTotal, topLevel.Select(i => totals[i]));
        _tables.Add(new TableCells(name, names, columns, cells, totals));
    }

    private sealed record Column(string Name, Func<PopulationCount, bool>? Match, IReadOnlyList<string>? SubtotalOf);

    private sealed record TableCells(string Name, List<string> Columns, IReadOnlyList<Column> Definitions, int[][] Cells, int[] ColumnTotals);
}
