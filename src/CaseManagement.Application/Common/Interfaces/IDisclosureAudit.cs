using CaseManagement.Application.Statistics.Disclosure;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// The attack on a release, run before it is published: for each asked cell, the interval a reader
/// holding every published cell, margin and total can narrow it to, by linear programming. The
/// reader sees <paramref name="values"/>: the cells themselves, or what is left of them once an
/// organisation takes away its own people (<see cref="DisclosureProblem.ValuesSeenBy"/>).
/// </summary>
public interface IDisclosureAudit
{
    IReadOnlyList<CellInterval> Intervals(DisclosureProblem problem, IReadOnlyList<long> values, IReadOnlyList<int> cells);
}
