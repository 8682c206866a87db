namespace CaseManagement.Application.Statistics.Disclosure;

/// <summary>
/// Every cell of one release (interior cells, subtotals, margins and totals of all its tables, a
/// shared margin being one cell) with the additive relations between them. Suppression decides
/// which cells to hide; the audit asks what a reader can still work out about them.
/// </summary>
public sealed class DisclosureProblem
{
    private readonly List<long> _values = [];
    private readonly List<bool> _suppressed = [];
    private readonly List<bool> _isTotal = [];
    private readonly List<Equation> _equations = [];
    private readonly List<IReadOnlyDictionary<Guid, long>> _contributions = [];

    public IReadOnlyList<long> Values => _values;

    public IReadOnlyList<bool> Suppressed => _suppressed;

    public IReadOnlyList<Equation> Equations => _equations;

    public int Count => _values.Count;

    /// <summary>The organisations with people in any cell: each knows its own share of every cell.</summary>
    public IEnumerable<Guid> Contributors => _contributions.SelectMany(c => c.Keys).Distinct().Order();

    /// <summary>A cell, with each organisation's share of it (its own people, which it knows exactly).</summary>
    public int AddCell(long value, IReadOnlyDictionary<Guid, long> contributions, bool isTotal = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentNullException.ThrowIfNull(contributions);
        _values.Add(value);
        _contributions.Add(contributions);
        _suppressed.Add(false);
        _isTotal.Add(isTotal);
        return _values.Count - 1;
    }

    /// <summary>
    /// The cells as one organisation sees them once it takes away its own people: what the others
    /// hold. With no organisation, the cells themselves (an outsider's view).
    /// </summary>
    public IReadOnlyList<long> ValuesSeenBy(Guid? organisation) =>
        organisation is { } o ? [.. _values.Select((v, i) => v - _contributions[i].GetValueOrDefault(o))] : _values;

    /// <summary>
    /// Puts a noisy value in place of a cell's count. No organisation knows its share of the noise,
    /// so the cell no longer has shares anyone could take out of it.
    /// </summary>
    public void Replace(int cell, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _values[cell] = value;
        _contributions[cell] = new Dictionary<Guid, long>();
    }

    /// <summary>Each organisation's share of a cell: its own people in it.</summary>
    public IReadOnlyDictionary<Guid, long> SharesOf(int cell) => _contributions[cell];

    public void AddEquation(int total, IEnumerable<int> members) => _equations.Add(new Equation(total, [.. members]));

    public bool IsTotal(int cell) => _isTotal[cell];

    public void Suppress(int cell) => _suppressed[cell] = true;

    /// <summary>The published value of a cell, or null where it is suppressed.</summary>
    public long? Published(int cell) => _suppressed[cell] ? null : _values[cell];
}
