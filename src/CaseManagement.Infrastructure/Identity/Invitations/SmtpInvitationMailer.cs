using System.Globalization;
using CaseManagement.Infrastructure.Mail;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>
/// Invitation e-mails. The message holds the staff member's user name, the link and its expiry:
/// never anything about a beneficiary.
/// </summary>
public sealed partial class SmtpInvitationMailer(SmtpMail mail, ILogger<SmtpInvitationMailer> logger) : IInvitationMailer
{
    public bool IsConfigured => mail.IsConfigured;

    public async Task SendAsync(string address, string userName, string link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await mail.SendAsync(address, "Your CaseManagement account", $"""
            An account was opened for you on CaseManagement, with the user name {userName}.

            Open this link to choose your password and set up your authenticator app:
            {link}

            The link works once, until {expiresAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.
            If you did not expect this message, do not open the link; tell your administrator.
            """, cancellationToken);
        LogSent(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An invitation e-mail was sent.")]
    private static partial void LogSent(ILogger logger);
}
