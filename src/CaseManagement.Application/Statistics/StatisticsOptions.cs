using CaseManagement.Domain.Statistics;

namespace CaseManagement.Application.Statistics;

/// <summary>Disclosure control and releases (configuration section "Statistics").</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>k: counts from 1 to k−1 are suppressed. Zero is shown.</summary>
    public int Threshold { get; set; } = 5;

    /// <summary>How many months back the freeze job looks for closed periods to freeze or revise.</summary>
    public int RevisionWindowMonths { get; set; } = 24;

    /// <summary>
    /// Days after a period's end before it is frozen: most late records arrive by then, so fewer
    /// revisions follow (each revision, compared with the one before, shows what changed).
    /// </summary>
    public int FreezeAfterDays { get; set; } = 30;

    /// <summary>
    /// The kinds of period published. Years only by default: a month, its quarter and its year hold
    /// the same people, and separately protected releases of them could be compared.
    /// </summary>
    public IList<PeriodKind> PeriodKinds { get; set; } = [];

    public static IReadOnlyList<PeriodKind> DefaultPeriodKinds { get; } = [PeriodKind.Year];

    /// <summary>
    /// Differential privacy: the privacy-loss parameter ε spent on each release's noise, or null (the
    /// default) for none.
    /// </summary>
    public double? Epsilon { get; set; }

    /// <summary>The ε a period may spend over all its releases; once spent, no further revision is frozen.</summary>
    public double EpsilonBudgetPerPeriod { get; set; } = 1.0;

    /// <summary>Whether a closed period's release may be frozen on <paramref name="today"/>.</summary>
    public bool IsSettled(StatisticsPeriod period, DateOnly today) => period.End.AddDays(FreezeAfterDays) < today;
}
