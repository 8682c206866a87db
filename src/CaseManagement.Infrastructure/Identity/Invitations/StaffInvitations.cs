using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>Issues, finds and uses invitations. Writes join the caller's unit of work.</summary>
public sealed class StaffInvitations(ApplicationDbContext db, TimeProvider clock, IOptions<InvitationOptions> options)
{
    /// <summary>A new link for <paramref name="userId"/>; any link sent before stops working.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(Guid userId, Guid? createdBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var open in await db.StaffInvitations.Where(i => i.UserId == userId && i.Status == InvitationStatus.Open).ToListAsync(cancellationToken))
        {
            open.Status = InvitationStatus.Replaced;
            open.EndedAt = now;
        }

        var token = InvitationTokens.Create();
        var invitation = new StaffInvitation
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            TokenHash = InvitationTokens.Hash(token)!,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Lifetime,
            CreatedBy = createdBy,
            Status = InvitationStatus.Open,
        };
        db.StaffInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return (token, invitation.ExpiresAt);
    }

    public async Task<InvitationLookup> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (InvitationTokens.Hash(token) is not { } hash
            || await db.StaffInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken) is not { } invitation)
        {
            return new InvitationLookup(InvitationState.Unknown, null, null);
        }

        var state = invitation.Status switch
        {
            InvitationStatus.Used => InvitationState.Used,
            InvitationStatus.Replaced => InvitationState.Replaced,
            _ when invitation.ExpiresAt <= clock.GetUtcNow() => InvitationState.Expired,
            _ => InvitationState.Open,
        };
        var user = state == InvitationState.Open ? await db.Users.SingleOrDefaultAsync(u => u.Id == invitation.UserId, cancellationToken) : null;
        return user is { IsDisabled: false } ? new InvitationLookup(state, invitation, user) : new InvitationLookup(state == InvitationState.Open ? InvitationState.Unknown : state, null, null);
    }

    /// <summary>Marks the invitation used, unless a concurrent request used or replaced it first.</summary>
    public async Task<bool> TryUseAsync(StaffInvitation invitation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = invitation.Id;
        return await db.StaffInvitations
            .Where(i => i.Id == id && i.Status == InvitationStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Used).SetProperty(i => i.EndedAt, now), cancellationToken) == 1;
    }
}
