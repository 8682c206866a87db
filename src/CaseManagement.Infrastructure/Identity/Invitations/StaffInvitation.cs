namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>
/// A single-use link that lets a person choose their own password and enrol their authenticator.
/// Only the SHA-256 of the token is stored: whoever reads the table cannot use an open invitation.
/// </summary>
public sealed class StaffInvitation
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>SHA-256 of the token. The token holds 256 random bits, so a fast hash cannot be searched.</summary>
    public byte[] TokenHash { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Who asked for it: an administrator, or null for the <c>bootstrap</c> verb.</summary>
    public Guid? CreatedBy { get; set; }

    public InvitationStatus Status { get; set; }

    /// <summary>When it was used or replaced.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
