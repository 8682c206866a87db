namespace CaseManagement.Infrastructure.Mail;

/// <summary>Where e-mails go out. Without a host, invitation links are handed to the administrator instead, and reminders stay in the inbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>StartTls (the default), Tls (implicit, port 465) or None (a relay on the same host or network only).</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "casemanagement@localhost";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
