namespace CaseManagement.Application.Statistics;

/// <summary>Disclosure control and releases (configuration section "Statistics").</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>k: counts from 1 to k−1 are suppressed. Zero is shown.</summary>
    public int Threshold { get; set; } = 5;

    /// <summary>How many months back the freeze job looks for closed periods to freeze or revise.</summary>
    public int RevisionWindowMonths { get; set; } = 24;
}
