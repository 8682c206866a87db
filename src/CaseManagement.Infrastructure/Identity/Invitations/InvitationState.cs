namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>What a link is worth when someone opens it; each answer has its own page.</summary>
public enum InvitationState
{
    Unknown,
    Open,
    Used,
    Replaced,
    Expired,
}
