namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>Sends an invitation link to the address an administrator typed; the address is not stored.</summary>
public interface IInvitationMailer
{
    bool IsConfigured { get; }

    Task SendAsync(string address, string userName, string link, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
