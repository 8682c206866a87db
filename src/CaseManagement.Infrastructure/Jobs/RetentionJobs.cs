using CaseManagement.Application.Beneficiaries.Commands.AnonymiseExpired;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CaseManagement.Application.Common.Telemetry;
using CaseManagement.Infrastructure.Telemetry;
using Microsoft.Extensions.Compliance.Classification;

namespace CaseManagement.Infrastructure.Jobs;

/// <summary>
/// The daily retention scan: per organisation, under the system identity, anonymises whoever is
/// past the organisation's retention period, a batch per transaction until none is left. It takes
/// no arguments (no id or name ever sits in the job store) and a rerun finds nothing twice.
/// </summary>
public sealed partial class RetentionJobs(IServiceScopeFactory scopes, ILogger<RetentionJobs> logger)
{
    public const string Name = "retention";

    public Task AnonymiseExpiredAsync(CancellationToken cancellationToken) =>
        JobTelemetry.RunAsync(Name, AnonymiseAllAsync, cancellationToken);

    private async Task AnonymiseAllAsync(CancellationToken cancellationToken)
    {
        List<Guid> organisations;
        await using (var platform = scopes.CreateSystemScope(null))
        {
            organisations = await platform.ServiceProvider.GetRequiredService<ApplicationDbContext>().Organisations.AsNoTracking()
                .Where(o => o.RetentionYearsAfterClosure != null).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken);
        }

        var failed = 0;
        foreach (var organisation in organisations)
        {
            try
            {
                int anonymised;
                do
                {
                    await using var scope = scopes.CreateSystemScope(organisation);
                    anonymised = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AnonymiseExpiredCommand(), cancellationToken);
                    LogAnonymised(logger, organisation, anonymised);
                }
                while (anonymised == AnonymiseExpiredCommand.DefaultBatchSize);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
                LogFailed(logger, organisation, exception.GetType().Name);
            }
        }

        if (failed > 0)
        {
            throw new InvalidOperationException($"The retention scan failed for {failed} of {organisations.Count} organisations; see the log.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The retention scan of organisation {OrganisationId} anonymised {Count} people.")]
    private static partial void LogAnonymised(ILogger logger, [PseudonymousData] Guid organisationId, [NoDataClassification] int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention scan of organisation {OrganisationId} failed ({Error}); the other organisations went on.")]
    private static partial void LogFailed(ILogger logger, [PseudonymousData] Guid organisationId, string error);
}
