namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>An opened link: its state, and when it is open, the invitation and its account.</summary>
public sealed record InvitationLookup(InvitationState State, StaffInvitation? Invitation, ApplicationUser? User);
