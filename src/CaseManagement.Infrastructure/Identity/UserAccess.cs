using CaseManagement.Infrastructure.Persistence;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>What a user may do right now, read from the database on every request.</summary>
public sealed record UserAccessState(Guid? OrganisationId, IReadOnlyList<string> Roles, string StampHash);

/// <summary>
/// Scoped: a request asks the database once, however many times it is authenticated. For an access
/// token, that one statement also reads the token's entry and its session (the OpenIddict authorization),
/// which OpenIddict's own entry validation would read in two more round trips.
/// </summary>
public sealed class UserAccess(ApplicationDbContext db, TimeProvider clock)
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
            _seen[userId] = state = await LoadAsync(userId, null);
        }

        return state;
    }

    /// <summary>As <see cref="GetAsync"/>, and null too when the access token's entry or its session is no longer valid (revoked, ended).</summary>
    public async Task<UserAccessState?> GetForTokenAsync(Guid userId, Guid tokenId) =>
        _seen[userId] = await LoadAsync(userId, tokenId);

    /// <summary>A machine client's token: its entry is valid (a revoked client's tokens are revoked with it).</summary>
    public Task<bool> TokenEntryValidAsync(Guid tokenId) => Tokens().AnyAsync(t => t.Id == tokenId
        && t.Status == Statuses.Valid && (t.Authorization == null || t.Authorization.Status == Statuses.Valid));

    /// <summary>True when the user's organisation is disabled: its users neither sign in nor get tokens (platform staff have none).</summary>
    public Task<bool> OrganisationDisabledAsync(Guid? organisationId) =>
        organisationId is { } id ? db.Organisations.AnyAsync(o => o.Id == id && o.IsDisabled) : Task.FromResult(false);

    private DbSet<OpenIddictEntityFrameworkCoreToken<Guid>> Tokens() => db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>();

    private async Task<UserAccessState?> LoadAsync(Guid userId, Guid? tokenId)
    {
        var found = await Compiled.GetValue(db.Model, _ => CompileLoad())(db, userId, tokenId, userId.ToString());
        var lockedOut = found is { LockoutEnabled: true, LockoutEnd: { } end } && end > clock.GetUtcNow();
        if (found is null || !found.TokenValid || found.OrganisationDisabled || found.IsDisabled || lockedOut)
        {
            return null;
        }

        return new UserAccessState(found.OrganisationId, found.Roles, SessionStamp.Of(found.SecurityStamp));
    }

    /// <summary>
    /// One statement: the user, their organisation's state, their roles and, for a token, its entry and session.
    /// Compiled once: this runs on every authenticated request, and EF would otherwise rebuild, funcletize and
    /// look up the query's expression tree each time (issue 12). One compiled query per model: a compiled query
    /// is bound to the model it first ran on, and a process hosting several (the tests) would recompile it on
    /// every switch, and race doing so.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<ApplicationDbContext, Guid, Guid?, string, Task<AccessRow?>>> Compiled = new();

    private static Func<ApplicationDbContext, Guid, Guid?, string, Task<AccessRow?>> CompileLoad() =>
        EF.CompileAsyncQuery((ApplicationDbContext db, Guid userId, Guid? tokenId, string subject) => db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccessRow
            {
                OrganisationId = u.OrganisationId,
                IsDisabled = u.IsDisabled,
                LockoutEnabled = u.LockoutEnabled,
                LockoutEnd = u.LockoutEnd,
                SecurityStamp = u.SecurityStamp,
                OrganisationDisabled = db.Organisations.Any(o => o.Id == u.OrganisationId && o.IsDisabled),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name!).ToList(),
                TokenValid = tokenId == null || db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>().Any(t => t.Id == tokenId && t.Subject == subject
                    && t.Status == Statuses.Valid && (t.Authorization == null || t.Authorization.Status == Statuses.Valid)),
            })
            .SingleOrDefault());

    private sealed class AccessRow
    {
        public Guid? OrganisationId { get; init; }

        public bool IsDisabled { get; init; }

        public bool LockoutEnabled { get; init; }

        public DateTimeOffset? LockoutEnd { get; init; }

        public string? SecurityStamp { get; init; }

        public bool OrganisationDisabled { get; init; }

        public List<string> Roles { get; init; } = [];

        public bool TokenValid { get; init; }
    }
}
