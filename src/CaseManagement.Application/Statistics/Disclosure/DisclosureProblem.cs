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
    private readonly List<bool> _primary = [];
    private readonly List<bool> _isTotal = [];
    private readonly List<Equation> _equations = [];

    public IReadOnlyList<long> Values => _values;

    public IReadOnlyList<bool> Suppressed => _suppressed;

    /// <summary>Cells suppressed because they are small (1 to k−1), rather than to protect another.</summary>
    public IReadOnlyList<bool> Primary => _primary;

    public IReadOnlyList<Equation> Equations => _equations;

    public int Count => _values.Count;

    public int AddCell(long value, bool isTotal = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _values.Add(value);
        _suppressed.Add(false);
        _primary.Add(false);
        _isTotal.Add(isTotal);
        return _values.Count - 1;
    }

    public void AddEquation(int total, IEnumerable<int> members) => _equations.Add(new Equation(total, [.. members]));

    public bool IsTotal(int cell) => _isTotal[cell];

    public void SuppressPrimary(int cell)
    {
        _suppressed[cell] = true;
        _primary[cell] = true;
    }

    public void Suppress(int cell) => _suppressed[cell] = true;

    /// <summary>The published value of a cell, or null where it is suppressed.</summary>
    public long? Published(int cell) => _suppressed[cell] ? null : _values[cell];
}
