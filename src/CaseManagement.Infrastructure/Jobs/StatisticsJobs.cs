using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Statistics.Commands.FreezeReleases;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CaseManagement.Infrastructure.Telemetry;
using Microsoft.Extensions.Compliance.Classification;

namespace CaseManagement.Infrastructure.Jobs;

/// <summary>
/// The daily freeze: under the system identity with no organisation (the figures span all of them),
/// it freezes the periods that have just closed and revises those with late records. It takes no
/// arguments, and a rerun with nothing new freezes nothing.
/// </summary>
public sealed partial class StatisticsJobs(IServiceScopeFactory scopes, ILogger<StatisticsJobs> logger)
{
    public const string Name = "statistics-freeze";

    public Task FreezeReleasesAsync(CancellationToken cancellationToken) =>
        JobTelemetry.RunAsync(Name, FreezeAsync, cancellationToken);

    private async Task FreezeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope(null);
        var frozen = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FreezeReleasesCommand(), cancellationToken);
        LogFrozen(logger, frozen);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The statistics freeze added {Count} releases to the ledger.")]
    private static partial void LogFrozen(ILogger logger, [NoDataClassification] int count);
}
