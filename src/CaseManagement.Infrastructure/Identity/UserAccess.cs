using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>What a user may do right now, read from the database on every request.</summary>
public sealed record UserAccessState(Guid? OrganisationId, IReadOnlyList<string> Roles, string StampHash);

/// <summary>Scoped: a request asks the database once, however many times it is authenticated.</summary>
public sealed class UserAccess(UserManager<ApplicationUser> users, ApplicationDbContext db)
{
    private readonly Dictionary<Guid, UserAccessState?> _seen = [];

    /// <summary>
    /// The user's current organisation, roles and stamp, or null when the user is gone, disabled,
    /// locked out, or of a disabled organisation.
    /// </summary>
    public async Task<UserAccessState?> GetAsync(Guid userId)
    {
        if (!_seen.TryGetValue(userId, out var state))
        {
            _seen[userId] = state = await LoadAsync(userId);
        }

        return state;
    }

    /// <summary>True when the user's organisation is disabled: its users neither sign in nor get tokens (platform staff have none).</summary>
    public Task<bool> OrganisationDisabledAsync(Guid? organisationId) =>
        organisationId is { } id ? db.Organisations.AnyAsync(o => o.Id == id && o.IsDisabled) : Task.FromResult(false);

    private async Task<UserAccessState?> LoadAsync(Guid userId)
    {
        // One statement reads the user and their organisation's state together.
        var found = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { User = u, OrganisationDisabled = db.Organisations.Any(o => o.Id == u.OrganisationId && o.IsDisabled) })
            .SingleOrDefaultAsync();
        if (found is null || found.OrganisationDisabled || found.User.IsDisabled || await users.IsLockedOutAsync(found.User))
        {
            return null;
        }

        return new UserAccessState(found.User.OrganisationId, [.. await users.GetRolesAsync(found.User)], SessionStamp.Of(found.User.SecurityStamp));
    }
}
