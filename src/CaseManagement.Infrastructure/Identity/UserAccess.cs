using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>What a user may do right now, read from the database on every request.</summary>
public sealed record UserAccessState(Guid? OrganisationId, IReadOnlyList<string> Roles);

public sealed class UserAccess(UserManager<ApplicationUser> users)
{
    /// <summary>The user's current organisation and roles, or null when the user is gone, disabled or locked out.</summary>
    public async Task<UserAccessState?> GetAsync(Guid userId)
    {
        var user = await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        return new UserAccessState(user.OrganisationId, [.. await users.GetRolesAsync(user)]);
    }
}
