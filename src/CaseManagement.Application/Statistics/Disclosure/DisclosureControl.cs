using CaseManagement.Application.Common.Interfaces;

namespace CaseManagement.Application.Statistics.Disclosure;

/// <summary>
/// Primary suppression of small counts, then complementary suppression until the audit can work
/// none of them out, neither for an outsider nor for any member organisation, which knows its own
/// people in every cell (and reads them, unsuppressed, in its own figures). The audit is exact
/// (linear programming over the whole release), so the loop stops only on a release it cannot
/// attack; each pass hides at least one more cell, so it stops.
/// Choices are deterministic: the same figures always give the same pattern.
/// </summary>
public sealed class DisclosureControl(IDisclosureAudit audit)
{
    /// <summary>
    /// Hides cells of <paramref name="problem"/>; <paramref name="alsoHide"/> are hidden from the start
    /// (an earlier revision's pattern, and the cells that moved by less than k since). Like every
    /// hidden cell, they get a second hidden cell in each of their relations, but only small counts
    /// are attacked by linear programming.
    /// </summary>
    public void Apply(DisclosureProblem problem, int threshold, IEnumerable<int>? alsoHide = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        // The readers: anyone (null), and each organisation, which knows its own people in every
        // cell and so sees only what the others hold. A cell is small for a reader when what that
        // reader does not already know of it is from 1 to k−1.
        var readers = problem.Contributors.Select(o => (Guid?)o).Prepend(null)
            .Select(o => (Values: problem.ValuesSeenBy(o), Pending: new List<int>())).ToList();
        for (var cell = 0; cell < problem.Count; cell++)
        {
            foreach (var reader in readers.Where(r => IsSmall(r.Values[cell], threshold)))
            {
                problem.Suppress(cell);
                reader.Pending.Add(cell);
            }
        }

        foreach (var cell in alsoHide ?? [])
        {
            problem.Suppress(cell);
        }

        var equationsOf = EquationsOf(problem);
        CloseSingletons(problem, threshold, equationsOf);

        // Hiding a cell only widens what the others can be, so a protected cell stays protected:
        // each pass attacks only the cells still exposed to each reader.
        while (true)
        {
            var hidden = 0;
            var exposed = 0;
            foreach (var reader in readers.Where(r => r.Pending.Count > 0))
            {
                var intervals = audit.Intervals(problem, reader.Values, reader.Pending);
                var still = reader.Pending.Where((_, i) => !intervals[i].Protects(threshold)).ToList();
                reader.Pending.Clear();
                reader.Pending.AddRange(still);
                exposed += still.Count;
                foreach (var cell in still)
                {
                    var need = threshold - reader.Values[cell];
                    var near = equationsOf[cell].SelectMany(Cells).Where(c => problem.Suppressed[c]).SelectMany(c => equationsOf[c]).Distinct();
                    if ((Best(problem, equationsOf, near.SelectMany(Cells), need) ?? Best(problem, equationsOf, Enumerable.Range(0, problem.Count), need)) is { } partner)
                    {
                        problem.Suppress(partner);
                        CloseSingletons(problem, threshold, equationsOf);
                        hidden++;
                    }
                }
            }

            if (exposed == 0)
            {
                return;
            }

            if (hidden == 0)
            {
                // Unreachable: with every cell hidden, nothing bounds any of them.
                throw new InvalidOperationException("The release cannot be protected.");
            }
        }
    }

    private static bool IsSmall(long value, int threshold) => value > 0 && value < threshold;

    /// <summary>
    /// A relation with exactly one hidden cell gives that cell away (its total minus the rest), so
    /// each such relation gets a second hidden cell before the audit runs: the classic first step,
    /// and far cheaper than finding it by linear programming.
    /// </summary>
    private static void CloseSingletons(DisclosureProblem problem, int threshold, List<Equation>[] equationsOf)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var equation in problem.Equations)
            {
                if (Cells(equation).Count(c => problem.Suppressed[c]) == 1 && Best(problem, equationsOf, Cells(equation), threshold) is { } partner)
                {
                    problem.Suppress(partner);
                    changed = true;
                }
            }
        }
        while (changed);
    }

    /// <summary>
    /// The visible cell to hide among <paramref name="candidates"/>: the one that also gives a second
    /// hidden cell to the most other relations that have only one, then an interior cell before a
    /// total, then the smallest cell at least <paramref name="need"/> (room to hide a small count's
    /// difference from k), else the largest. Ties go to the first cell, so the pattern is deterministic.
    /// </summary>
    private static int? Best(DisclosureProblem problem, List<Equation>[] equationsOf, IEnumerable<int> candidates, long need)
    {
        int? best = null;
        (int, int, int, long, int) bestKey = default;
        foreach (var cell in candidates.Distinct())
        {
            if (problem.Suppressed[cell])
            {
                continue;
            }

            var singletons = equationsOf[cell].Count(e => Cells(e).Count(c => problem.Suppressed[c]) == 1);
            var value = problem.Values[cell];
            var key = (-singletons, problem.IsTotal(cell) ? 1 : 0, value >= need ? 0 : 1, value >= need ? value : -value, cell);
            if (best is null || key.CompareTo(bestKey) < 0)
            {
                (best, bestKey) = (cell, key);
            }
        }

        return best;
    }

    private static IEnumerable<int> Cells(Equation equation) => equation.Members.Append(equation.Total);

    private static List<Equation>[] EquationsOf(DisclosureProblem problem)
    {
        var of = Enumerable.Range(0, problem.Count).Select(_ => new List<Equation>()).ToArray();
        foreach (var equation in problem.Equations)
        {
            foreach (var cell in equation.Members.Append(equation.Total))
            {
                of[cell].Add(equation);
            }
        }

        return of;
    }
}
