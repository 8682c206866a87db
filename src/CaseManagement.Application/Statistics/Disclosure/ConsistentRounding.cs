namespace CaseManagement.Application.Statistics.Disclosure;

/// <summary>
/// Fits noisy counts to a total: the closest non-negative numbers (in the least-squares sense) that
/// add up to it, then whole numbers by largest remainder. Post-processing of noisy figures, so it
/// spends no privacy budget; it keeps a table additive without clamping each cell at zero, which
/// would push every total up.
/// </summary>
public static class ConsistentRounding
{
    public static long[] Fit(IReadOnlyList<long> noisy, long total)
    {
        ArgumentNullException.ThrowIfNull(noisy);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (noisy.Count == 0)
        {
            return [];
        }

        // Euclidean projection onto { y ≥ 0, Σ y = total }: y = max(x − τ, 0) for the τ that makes the sum right.
        var sorted = noisy.Select(v => (double)v).OrderDescending().ToArray();
        double prefix = 0, tau = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            prefix += sorted[i];
            var candidate = (prefix - total) / (i + 1);
            if (sorted[i] - candidate > 0 || i == 0)
            {
                tau = candidate;
            }
        }

        var fitted = noisy.Select(v => Math.Max(v - tau, 0)).ToArray();
        var whole = fitted.Select(v => (long)Math.Floor(v)).ToArray();
        var missing = total - whole.Sum();
        // The cells share one offset, so remainders tie often: a random order among equals keeps the
        // extra units from always going to the first columns (the first organisation, the first sex).
        var order = Enumerable.Range(0, whole.Length).ToArray();
        Random.Shared.Shuffle(order);
        foreach (var index in order.OrderByDescending(i => fitted[i] - whole[i]).Take((int)missing))
        {
            whole[index]++;
        }

        return whole;
    }
}
