namespace CaseManagement.Infrastructure.Identity.Invitations;

public enum InvitationStatus
{
    Open = 0,
    Used = 1,

    /// <summary>A newer invitation for the same person (a resend or a reset) took its place.</summary>
    Replaced = 2,
}
