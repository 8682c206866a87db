using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.Invitations;
using CaseManagement.Infrastructure.Mail;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CaseManagement.Application.Common.Telemetry;

namespace CaseManagement.Infrastructure.Jobs;

/// <summary>
/// With a mail server configured, each recipient of new reminders gets one e-mail saying only that
/// there is a reminder, and where to sign in: never whom or what it is about.
/// </summary>
public sealed partial class ReminderMail(
    SmtpMail mail, StaffAddresses addresses, IOptions<InvitationOptions> invitations, IOptions<CaseManagementIdentityOptions> identity,
    TimeProvider clock, ILogger<ReminderMail> logger)
{
    /// <summary>Mails the reminders of the scope's organisation that no e-mail step has taken yet.</summary>
    public async Task SendPendingAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        if (!mail.IsConfigured)
        {
            return;
        }

        var db = scope.GetRequiredService<ApplicationDbContext>();
        var pending = await db.Notifications.Where(n => n.MailedAt == null).ToListAsync(cancellationToken);
        var recipients = pending.Select(n => n.RecipientId).Distinct().ToList();
        var sealedAddresses = await db.Users.AsNoTracking()
            .Where(u => recipients.Contains(u.Id) && !u.IsDisabled && u.SealedEmail != null)
            .Select(u => new { u.Id, u.SealedEmail })
            .ToDictionaryAsync(u => u.Id, u => u.SealedEmail, cancellationToken);
        var site = (invitations.Value.BaseUrl ?? identity.Value.Issuer)?.TrimEnd('/');
        foreach (var recipient in recipients)
        {
            if (sealedAddresses.TryGetValue(recipient, out var sealedAddress) && addresses.Open(recipient, sealedAddress) is { } address)
            {
                try
                {
                    await mail.SendAsync(address, "You have a reminder", site is null
                        ? "You have a new reminder in CaseManagement. Sign in to read it."
                        : $"You have a new reminder in CaseManagement. Sign in to read it: {site}/", cancellationToken);
                    LogMailed(logger, recipient);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, recipient, exception.GetType().Name);
                    continue; // taken again on the next run
                }
            }

            foreach (var notification in pending.Where(n => n.RecipientId == recipient))
            {
                notification.MarkMailed(clock.GetUtcNow());
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A reminder e-mail was sent to user {UserId}.")]
    private static partial void LogMailed(ILogger logger, [PseudonymousData] Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder e-mail to user {UserId} failed ({Error}); it is tried again on the next run.")]
    private static partial void LogFailed(ILogger logger, [PseudonymousData] Guid userId, string error);
}
