using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Statistics.Disclosure;
using Google.OrTools.LinearSolver;

namespace CaseManagement.Infrastructure.Statistics;

/// <summary>
/// The analyst's attack, by linear programming (Google OR-Tools, GLOP): every hidden cell is an
/// unknown of at least zero, every relation of the release an equation, every published cell a
/// constant; each asked cell is then minimised and maximised.
/// </summary>
internal sealed class GlopDisclosureAudit : IDisclosureAudit
{
    private const int TimeLimitMilliseconds = 30_000;

    public IReadOnlyList<CellInterval> Intervals(DisclosureProblem problem, IReadOnlyList<long> values, IReadOnlyList<int> cells)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0)
        {
            return [];
        }

        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP solver is not available.");
        solver.SetTimeLimit(TimeLimitMilliseconds);
        // Every unknown gets a ceiling above any count the release could hold: GLOP's presolve may
        // call an unbounded programme infeasible, and a ceiling far out of scale slows it to a crawl.
        // A cell that reaches the ceiling is unbounded.
        var ceiling = (2.0 * problem.Values.Sum()) + 1000;
        var unknowns = new Dictionary<int, Variable>();
        for (var cell = 0; cell < problem.Count; cell++)
        {
            if (problem.Suppressed[cell])
            {
                unknowns[cell] = solver.MakeNumVar(0, ceiling, $"c{cell}");
            }
        }

        foreach (var equation in problem.Equations)
        {
            // members − total = 0, with the published cells moved to the right-hand side.
            var terms = equation.Members.Select(m => (Cell: m, Sign: 1.0)).Append((Cell: equation.Total, Sign: -1.0)).ToList();
            if (!terms.Any(t => unknowns.ContainsKey(t.Cell)))
            {
                continue;
            }

            var published = terms.Where(t => !unknowns.ContainsKey(t.Cell)).Sum(t => t.Sign * values[t.Cell]);
            var constraint = solver.MakeConstraint(-published, -published);
            foreach (var (cell, sign) in terms.Where(t => unknowns.ContainsKey(t.Cell)))
            {
                constraint.SetCoefficient(unknowns[cell], constraint.GetCoefficient(unknowns[cell]) + sign);
            }
        }

        var objective = solver.Objective();
        var intervals = new List<CellInterval>(cells.Count);
        foreach (var cell in cells)
        {
            var unknown = unknowns.TryGetValue(cell, out var v) ? v : throw new ArgumentException("Only hidden cells can be audited.", nameof(cells));
            objective.Clear();
            objective.SetCoefficient(unknown, 1);
            objective.SetMinimization();
            var min = Solve(solver, unknown, ceiling);
            objective.SetMaximization();
            var max = Solve(solver, unknown, ceiling);
            intervals.Add(new CellInterval(min, max));
        }

        return intervals;
    }

    private static double Solve(Solver solver, Variable unknown, double ceiling) => solver.Solve() switch
    {
        Solver.ResultStatus.OPTIMAL => unknown.SolutionValue() >= ceiling - 0.5 ? double.PositiveInfinity : unknown.SolutionValue(),
        var status => throw new InvalidOperationException($"The disclosure audit's linear programme ended {status}."),
    };
}
