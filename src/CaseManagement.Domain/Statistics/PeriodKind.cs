namespace CaseManagement.Domain.Statistics;

/// <summary>The only periods statistics are published for: fixed calendar periods, never arbitrary ranges.</summary>
public enum PeriodKind
{
    Month = 1,
    Quarter = 2,
    Year = 3,
}
