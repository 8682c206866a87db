using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>Issues, finds and uses invitations. Writes join the caller's unit of work.</summary>
public sealed class StaffInvitations(ApplicationDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, IOptions<InvitationOptions> options)
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

    /// <summary>True once the person has accepted an invitation: from then on the account is theirs, and only theirs to receive links for.</summary>
    public Task<bool> HasBeenAcceptedAsync(Guid userId, CancellationToken cancellationToken) =>
        db.StaffInvitations.AnyAsync(i => i.UserId == userId && i.Status == InvitationStatus.Used, cancellationToken);

    /// <summary>
    /// The organisations nobody has started: none of their people has a password or ever used an invitation. Their
    /// only accounts are those the platform made with the organisation (its first administrator), not yet taken up.
    /// </summary>
    public IQueryable<Guid> UnstartedOrganisations() =>
        db.Organisations.Select(o => o.Id).Where(id => !db.Users.Any(u => u.OrganisationId == id
            && (u.PasswordHash != null || db.StaffInvitations.Any(i => i.UserId == u.Id && i.Status == InvitationStatus.Used))));

    /// <summary>When the user's open invitation stops working, or null when none is open and unexpired.</summary>
    public async Task<DateTimeOffset?> OpenUntilAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.StaffInvitations.Where(i => i.UserId == userId && i.Status == InvitationStatus.Open).Select(i => i.ExpiresAt).ToListAsync(cancellationToken);
        return open.Where(expiry => expiry > now).Select(expiry => (DateTimeOffset?)expiry).Max();
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

    /// <summary>
    /// Sets the chosen password, turns two-factor sign-in on and makes the recovery codes, with the
    /// link marked used, in one transaction. Null when a concurrent request used or replaced the link first.
    /// </summary>
    public async Task<IReadOnlyList<string>?> AcceptAsync(
        StaffInvitation invitation, ApplicationUser user, string password, int recoveryCodes, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await TryUseAsync(invitation, cancellationToken))
        {
            return null;
        }

        IdentityAdministration.Check(await users.AddPasswordAsync(user, password));
        IdentityAdministration.Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, recoveryCodes))!.ToList();
        await transaction.CommitAsync(cancellationToken);
        return codes;
    }

    /// <summary>Marks the invitation used, unless a concurrent request used or replaced it first: the update that finds it open decides.</summary>
    private async Task<bool> TryUseAsync(StaffInvitation invitation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = invitation.Id;
        return await db.StaffInvitations
            .Where(i => i.Id == id && i.Status == InvitationStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Used).SetProperty(i => i.EndedAt, now), cancellationToken) == 1;
    }
}
