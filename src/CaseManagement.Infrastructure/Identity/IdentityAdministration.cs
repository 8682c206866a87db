using System.Security.Cryptography;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace CaseManagement.Infrastructure.Identity;

internal sealed class IdentityAdministration(
    UserManager<ApplicationUser> users, IOpenIddictApplicationManager applications, TimeProvider clock) : IIdentityAdministration
{
    public async Task<NewStaffMember> CreateUserAsync(Guid? organisationId, string userName, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            OrganisationId = organisationId,
            CreatedAt = clock.GetUtcNow(),
        };
        var password = OneTimePassword();
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roles));
        return new NewStaffMember(user.Id, userName, password);
    }

    public async Task<StaffMember?> FindUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : await ToStaffAsync(user);
    }

    public async Task<IReadOnlyList<StaffMember>> ListUsersAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var members = await users.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var result = new List<StaffMember>(members.Count);
        foreach (var member in members)
        {
            result.Add(await ToStaffAsync(member));
        }

        return result;
    }

    public async Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Except(current)));
    }

    public async Task DisableUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        user.IsDisabled = true;
        Check(await users.UpdateAsync(user));
        // A new security stamp ends the sign-in cookie as well as (through RejectInactiveUsers) every token.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task EnableUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        // The stamp is left alone: the disable rotated it, so tokens issued before it stay refused.
        var user = await RequireAsync(userId);
        user.IsDisabled = false;
        Check(await users.UpdateAsync(user));
    }

    public Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken) =>
        users.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(userName), cancellationToken);

    public async Task<NewMachineClient> RegisterClientAsync(string displayName, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var clientId = "client-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
            },
        };
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + scope);
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return new NewMachineClient(clientId, secret, scopes);
    }

    public async Task<bool> RevokeClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return false;
        }

        await applications.DeleteAsync(application, cancellationToken);
        return true;
    }

    /// <summary>Long and random; the person changes it… once password change exists. Until then it is the password.</summary>
    private static string OneTimePassword() => "Cm-9" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    private async Task<StaffMember> ToStaffAsync(ApplicationUser user) =>
        new(user.Id, user.UserName!, user.OrganisationId, [.. await users.GetRolesAsync(user)], user.IsDisabled, user.TwoFactorEnabled);

    private async Task<ApplicationUser> RequireAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("The user does not exist.");

    private static void Check(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            // A concurrent request took the name, or changed the account, first.
            throw new ConflictException("user.conflict", "That user name is taken, or the account was changed meanwhile; reload and try again.");
        }

        if (!result.Succeeded)
        {
            // Codes only: Identity's descriptions can repeat the user name.
            throw new InvalidOperationException("Identity refused the change: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
