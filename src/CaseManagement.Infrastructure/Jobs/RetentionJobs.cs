using CaseManagement.Application.Beneficiaries.Commands.AnonymiseExpiredBeneficiary;
using CaseManagement.Application.Beneficiaries.Queries.FindExpiredBeneficiaries;
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
/// past the organisation's retention period, one person per transaction. It takes
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
            IReadOnlyList<Guid> expired;
            await using (var scope = scopes.CreateSystemScope(organisation))
            {
                expired = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FindExpiredBeneficiariesQuery(), cancellationToken);
            }

            // One person per transaction: one who cannot be anonymised (a damaged value) holds up nobody else.
            var anonymised = 0;
            foreach (var person in expired)
            {
                try
                {
                    await using var scope = scopes.CreateSystemScope(organisation);
                    await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AnonymiseExpiredBeneficiaryCommand(person), cancellationToken);
                    anonymised++;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failed++;
                    LogFailed(logger, organisation, person, exception.GetType().Name);
                }
            }

            LogAnonymised(logger, organisation, anonymised, expired.Count);
        }

        if (failed > 0)
        {
            throw new InvalidOperationException($"The retention scan could not anonymise {failed} people; see the log.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The retention scan of organisation {OrganisationId} anonymised {Count} of {Expired} people.")]
    private static partial void LogAnonymised(ILogger logger, [PseudonymousData] Guid organisationId, [NoDataClassification] int count, [NoDataClassification] int expired);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention scan of organisation {OrganisationId} could not anonymise person {BeneficiaryId} ({Error}); it went on with the others.")]
    private static partial void LogFailed(ILogger logger, [PseudonymousData] Guid organisationId, [PseudonymousData] Guid beneficiaryId, string error);
}
