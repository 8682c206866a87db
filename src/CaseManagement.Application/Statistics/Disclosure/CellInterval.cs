namespace CaseManagement.Application.Statistics.Disclosure;

/// <summary>
/// The smallest and largest value a suppressed cell can take, given everything else a release
/// publishes; <see cref="double.PositiveInfinity"/> when nothing bounds it from above.
/// </summary>
public readonly record struct CellInterval(double Min, double Max)
{
    private const double Tolerance = 1e-6;

    /// <summary>Protected: a reader cannot tell the cell from an empty one, nor from one of at least <paramref name="threshold"/>.</summary>
    public bool Protects(int threshold) => Min <= Tolerance && Max >= threshold - Tolerance;
}
