using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Notifications.Commands.RemindCaseReviews;
using CaseManagement.Application.Notifications.Commands.RemindFollowUps;
using CaseManagement.Application.Notifications.Commands.RemindHearings;
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
/// The recurring reminder scans. Each runs under the system identity, one organisation at a time
/// (a scope per organisation, so tenant filters hold as for a user), never with a user's rights.
/// They take no arguments: the database is the source of truth, and reruns add nothing.
/// </summary>
public sealed partial class ReminderJobs(IServiceScopeFactory scopes, ReminderMail mail, ILogger<ReminderJobs> logger)
{
    public const string HearingReminders = "hearing-reminders";
    public const string FollowUpReminders = "follow-up-reminders";
    public const string CaseReviewReminders = "case-review-reminders";

    public Task RemindHearingsAsync(CancellationToken cancellationToken) =>
        JobTelemetry.RunAsync(HearingReminders, ct => ForEachOrganisationAsync(new RemindHearingsCommand(), ct), cancellationToken);

    public Task RemindFollowUpsAsync(CancellationToken cancellationToken) =>
        JobTelemetry.RunAsync(FollowUpReminders, ct => ForEachOrganisationAsync(new RemindFollowUpsCommand(), ct), cancellationToken);

    public Task RemindCaseReviewsAsync(CancellationToken cancellationToken) =>
        JobTelemetry.RunAsync(CaseReviewReminders, ct => ForEachOrganisationAsync(new RemindCaseReviewsCommand(), ct), cancellationToken);

    private async Task ForEachOrganisationAsync(ICommand<int> command, CancellationToken cancellationToken)
    {
        List<Guid> organisations;
        await using (var platform = scopes.CreateSystemScope(null))
        {
            organisations = await platform.ServiceProvider.GetRequiredService<ApplicationDbContext>().Organisations.AsNoTracking()
                .Where(o => !o.IsDisabled).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken);
        }

        // One organisation's failure does not starve the others; the job still fails afterwards, so
        // Hangfire records it and retries (reruns add nothing where the scan already succeeded).
        var failed = 0;
        foreach (var organisation in organisations)
        {
            try
            {
                await using var scope = scopes.CreateSystemScope(organisation);
                var added = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
                LogScanned(logger, command.GetType().Name, organisation, added);
                await mail.SendPendingAsync(scope.ServiceProvider, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
                LogFailed(logger, command.GetType().Name, organisation, exception.GetType().Name);
            }
        }

        if (failed > 0)
        {
            throw new InvalidOperationException($"{command.GetType().Name} failed for {failed} of {organisations.Count} organisations; see the log.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} for organisation {OrganisationId} added {Count} reminders.")]
    private static partial void LogScanned(ILogger logger, string command, [PseudonymousData] Guid organisationId, [NoDataClassification] int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Command} for organisation {OrganisationId} failed ({Error}); the other organisations went on.")]
    private static partial void LogFailed(ILogger logger, string command, [PseudonymousData] Guid organisationId, string error);
}
