using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>
/// Invitation e-mails through MailKit. The message holds the staff member's user name, the link and
/// its expiry: never anything about a beneficiary.
/// </summary>
public sealed partial class SmtpInvitationMailer(IOptions<SmtpOptions> options, ILogger<SmtpInvitationMailer> logger) : IInvitationMailer
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(string address, string userName, string link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = "Your CaseManagement account";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                An account was opened for you on CaseManagement, with the user name {userName}.

                Open this link to choose your password and set up your authenticator app:
                {link}

                The link works once, until {expiresAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.
                If you did not expect this message, do not open the link; tell your administrator.
                """,
        };

        using var client = new SmtpClient();
        var security = smtp.Security switch
        {
            "None" => SecureSocketOptions.None,
            "Tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        LogSent(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An invitation e-mail was sent.")]
    private static partial void LogSent(ILogger logger);
}
