using CaseManagement.Application.Statistics;
using CaseManagement.Domain.Statistics;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// The one reader of every organisation's rows, for counts only: it groups and counts in the
/// database and returns aggregates, never a row.
/// </summary>
public interface IStatisticsSource
{
    /// <summary>The period's figures for the platform, or for one organisation.</summary>
    Task<StatisticsInput> ReadAsync(StatisticsPeriod period, Guid? organisationId, CancellationToken cancellationToken);
}
