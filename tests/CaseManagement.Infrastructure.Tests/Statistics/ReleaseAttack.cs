using CaseManagement.Application.Statistics.Releases;
using Google.OrTools.LinearSolver;

namespace CaseManagement.Infrastructure.Tests.Statistics;

/// <summary>
/// The analyst's attack on a published release, written apart from the product's own audit: it
/// reads only the published document (and knows how the tables tie together: every table's row
/// totals are the yearly table's service figures, every grand total the same, the age table's
/// Minors and Adults are subtotals) and, for every hidden cell whose true count is 1 to k−1,
/// minimises and maximises it by linear programming, GLOP, subject to every published cell,
/// margin and total of all the release's tables and to non-negativity (with a ceiling of ten million, above any count: GLOP's presolve may call an unbounded programme infeasible).
/// </summary>
internal static class ReleaseAttack
{
    private static readonly Dictionary<string, string[]> Subtotals = new()
    {
        ["Minors"] = ["Under14", "From14To17"],
        ["Adults"] = ["From18To25", "From26To35", "From36To50", "Over50"],
    };

    /// <summary>
    /// The hidden small cells the attacker can tell from zero or from k, as "table/row/column: [min, max]".
    /// An attacker from a member organisation also knows its own people in every cell
    /// (<paramref name="known"/>, by key; see <see cref="Known"/>): what is small is then what the others hold.
    /// </summary>
    public static IReadOnlyList<string> Exposed(ReleaseDocument published, ReleaseDocument truth, int threshold, IReadOnlyDictionary<string, long>? known = null)
    {
        var cells = Less(Cells(published), known);
        var truths = Less(Cells(truth), known);
        using var solver = Solver.CreateSolver("GLOP")!;
        var unknowns = cells.Where(c => c.Value is null).Select(c => c.Key).Distinct().ToDictionary(k => k, k => solver.MakeNumVar(0, 1e7, k));
        foreach (var (total, members) in Equations(published))
        {
            var constant = 0.0;
            var coefficients = new Dictionary<string, double>();
            foreach (var (key, sign) in members.Select(m => (m, 1.0)).Append((total, -1.0)))
            {
                var value = cells.First(c => c.Key == key).Value;
                if (value is { } shown)
                {
                    constant += sign * shown;
                }
                else
                {
                    coefficients[key] = coefficients.GetValueOrDefault(key) + sign;
                }
            }

            if (coefficients.Count > 0)
            {
                var constraint = solver.MakeConstraint(-constant, -constant);
                foreach (var (key, coefficient) in coefficients)
                {
                    constraint.SetCoefficient(unknowns[key], coefficient);
                }
            }
        }

        var exposed = new List<string>();
        foreach (var key in unknowns.Keys.Order(StringComparer.Ordinal))
        {
            var value = truths.First(c => c.Key == key).Value!.Value;
            if (value is < 1 || value >= threshold)
            {
                continue;
            }

            var objective = solver.Objective();
            objective.Clear();
            objective.SetCoefficient(unknowns[key], 1);
            objective.SetMinimization();
            var min = Solve(solver, unknowns[key]);
            objective.SetMaximization();
            var max = Solve(solver, unknowns[key]);
            if (min > 1e-6 || max < threshold - 1e-6)
            {
                exposed.Add($"{key}: [{min}, {max}]");
            }
        }

        return exposed;
    }

    /// <summary>Published cells from 1 to k−1 (for an organisation: whose others' share is): primary suppression missed them.</summary>
    public static IReadOnlyList<string> SmallPublished(ReleaseDocument published, int threshold, IReadOnlyDictionary<string, long>? known = null) =>
        [.. Less(Cells(published), known).Where(c => c.Value is { } v && v >= 1 && v < threshold).Select(c => $"{c.Key} = {c.Value}")];

    /// <summary>
    /// What an organisation knows of every cell: its own figures (unsuppressed, read through its
    /// own figures endpoint), and in the breakdown by organisation its own column.
    /// </summary>
    public static Dictionary<string, long> Known(ReleaseDocument ownFigures, string organisationName)
    {
        var known = new Dictionary<string, long>();
        foreach (var (key, value) in Cells(ownFigures).Where(c => c.Value is not null))
        {
            known[key] = value!.Value; // all but the deduplicated total, which an organisation's own figures do not show
        }

        foreach (var service in ownFigures.Annual.Services)
        {
            known[$"ServiceByOrganisation/{service.Service}/{organisationName}"] = service.Beneficiaries!.Value;
        }

        known[$"ServiceByOrganisation/Total/{organisationName}"] = ownFigures.Annual.Services.Sum(s => s.Beneficiaries!.Value);
        return known;
    }

    private static List<(string Key, long? Value)> Less(List<(string Key, long? Value)> cells, IReadOnlyDictionary<string, long>? known) =>
        known is null ? cells : [.. cells.Select(c => (c.Key, c.Value - known.GetValueOrDefault(c.Key)))];

    /// <summary>Every number of the release under a key; the same figure printed twice (a row total, the yearly figure) has one key.</summary>
    public static List<(string Key, long? Value)> Cells(ReleaseDocument release)
    {
        var cells = new List<(string, long?)>();
        cells.AddRange(release.Annual.Services.Select(s => (Service(s.Service.ToString()), s.Beneficiaries)));
        cells.Add(("assisted", release.Annual.BeneficiariesAssisted));
        cells.Add(("assisted-deduplicated", release.Annual.BeneficiariesAssistedDeduplicated));
        foreach (var table in release.Tables)
        {
            foreach (var row in table.Rows)
            {
                cells.AddRange(table.Columns.Select((c, i) => ($"{table.Name}/{row.Label}/{c}", row.Cells[i])));
                cells.Add((Service(row.Label), row.Total));
            }

            cells.AddRange(table.Columns.Select((c, i) => ($"{table.Name}/Total/{c}", table.Totals.Cells[i])));
            cells.Add(("grand-total", table.Totals.Total));
        }

        return cells;
    }

    private static IEnumerable<(string Total, IReadOnlyList<string> Members)> Equations(ReleaseDocument release)
    {
        yield return ("grand-total", [.. release.Annual.Services.Select(s => Service(s.Service.ToString()))]);
        foreach (var table in release.Tables)
        {
            var grouped = table.Columns.Where(Subtotals.ContainsKey).SelectMany(c => Subtotals[c]).ToHashSet();
            var topLevel = table.Columns.Where(c => !grouped.Contains(c)).ToList();
            foreach (var row in table.Rows.Select(r => r.Label).Append("Total"))
            {
                yield return (row == "Total" ? "grand-total" : Service(row), [.. topLevel.Select(c => $"{table.Name}/{row}/{c}")]);
                foreach (var subtotal in table.Columns.Where(Subtotals.ContainsKey))
                {
                    yield return ($"{table.Name}/{row}/{subtotal}", [.. Subtotals[subtotal].Select(c => $"{table.Name}/{row}/{c}")]);
                }
            }

            foreach (var column in table.Columns)
            {
                yield return ($"{table.Name}/Total/{column}", [.. table.Rows.Select(r => $"{table.Name}/{r.Label}/{column}")]);
            }
        }
    }

    private static string Service(string name) => $"service/{name}";

    private static double Solve(Solver solver, Variable unknown) => solver.Solve() switch
    {
        Solver.ResultStatus.OPTIMAL => unknown.SolutionValue(),
        var status => throw new InvalidOperationException($"The attack's linear programme ended {status}."),
    };
}
