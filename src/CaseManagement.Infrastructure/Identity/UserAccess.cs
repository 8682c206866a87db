using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>What a user may do right now, read from the database on every request.</summary>
public sealed record UserAccessState(Guid? OrganisationId, IReadOnlyList<string> Roles);

/// <summary>Scoped: a request asks the database once, however many times it is authenticated.</summary>
public sealed class UserAccess(UserManager<ApplicationUser> users)
{
    private readonly Dictionary<Guid, UserAccessState?> _seen = [];

    /// <summary>The user's current organisation and roles, or null when the user is gone, disabled or locked out.</summary>
    public async Task<UserAccessState?> GetAsync(Guid userId)
    {
        if (!_seen.TryGetValue(userId, out var state))
        {
            _seen[userId] = state = await LoadAsync(userId);
        }

        return state;
    }

    private async Task<UserAccessState?> LoadAsync(Guid userId)
    {
        var user = await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        return new UserAccessState(user.OrganisationId, [.. await users.GetRolesAsync(user)]);
    }
}
