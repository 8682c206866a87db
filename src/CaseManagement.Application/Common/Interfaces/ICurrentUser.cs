namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Who is calling: the signed-in user of the request, or the system, in a scope that asked for it
/// (<see cref="Security.SystemScope"/>). Code that is neither is nobody: no user, no organisation, no role.
/// </summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    Guid? OrganisationId { get; }

    /// <summary>The OAuth client the caller came through (a machine client, or the application a person used).</summary>
    string? ClientId { get; }

    /// <summary>True only in a scope that asked to act as the system: in-process code that needs no role.</summary>
    bool IsSystem { get; }

    bool IsInRole(string role);

    /// <summary>Whether the access token carries the OAuth scope (machine clients are granted theirs by an administrator).</summary>
    bool HasScope(string scope);
}

public static class CurrentUserExtensions
{
    public static Guid RequireUserId(this ICurrentUser user) =>
        user.UserId ?? throw new UnauthorizedAccessException("The request has no authenticated user.");

    public static Guid RequireOrganisationId(this ICurrentUser user) =>
        user.OrganisationId ?? throw new UnauthorizedAccessException("The request has no organisation.");
}
