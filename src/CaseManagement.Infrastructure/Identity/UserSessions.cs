using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// A session is an OpenIddict authorization: every code, device code and refresh token of one sign-in
/// belongs to it, and every access token says so (<c>oi_au_id</c>). The API validates that
/// authorization on each request, so revoking it refuses its access tokens at once.
/// </summary>
internal sealed class UserSessions(
    ApplicationDbContext db,
    UserManager<ApplicationUser> users,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    TimeProvider clock) : IUserSessions
{
    public async Task<IReadOnlyList<UserSession>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        var subject = userId.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        // Ad-hoc authorizations outlive their tokens until pruned: a session counts while one of its tokens may still be used.
        var rows = await db.Set<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().AsNoTracking()
            .Where(a => a.Subject == subject && a.Status == Statuses.Valid
                && a.Tokens.Any(t => t.Status == Statuses.Valid && t.ExpirationDate > now))
            .Select(a => new { a.Id, Client = a.Application!.DisplayName, a.CreationDate })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderByDescending(r => r.CreationDate)
            .Select(r => new UserSession(r.Id, r.Client, new DateTimeOffset(DateTime.SpecifyKind(r.CreationDate ?? DateTime.MinValue, DateTimeKind.Utc))))];
    }

    public async Task<bool> RevokeAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        var authorization = await authorizations.FindByIdAsync(sessionId.ToString(), cancellationToken);
        if (authorization is null
            || await authorizations.GetSubjectAsync(authorization, cancellationToken) != userId.ToString()
            || !await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken))
        {
            return false;
        }

        if (!await authorizations.TryRevokeAsync(authorization, cancellationToken))
        {
            throw new ConflictException("session.changed", "The session changed meanwhile; reload and try again.");
        }

        // The authorization alone already refuses them; revoked entries also say so to anyone reading the tokens table.
        await tokens.RevokeByAuthorizationIdAsync(sessionId.ToString(), cancellationToken);
        return true;
    }

    public async Task EndAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("The user does not exist.");
        // The stamp covers what the revocations below cannot: a token being issued right now, and the sign-in cookie.
        var rotated = await users.UpdateSecurityStampAsync(user);
        if (!rotated.Succeeded)
        {
            throw new ConflictException("user.conflict", "The account was changed meanwhile; reload and try again.");
        }

        await authorizations.RevokeBySubjectAsync(userId.ToString(), cancellationToken);
        await tokens.RevokeBySubjectAsync(userId.ToString(), cancellationToken);
    }
}
