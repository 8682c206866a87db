namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Who is calling. Outside a request (maintenance verbs, seeding, jobs) the caller is the system
/// itself: trusted code of this process, with no user and no organisation.
/// </summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    Guid? OrganisationId { get; }

    /// <summary>The OAuth client the caller came through (a machine client, or the application a person used).</summary>
    string? ClientId { get; }

    /// <summary>True outside any HTTP request: in-process code that needs no role.</summary>
    bool IsSystem { get; }

    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    public static Guid RequireUserId(this ICurrentUser user) =>
        user.UserId ?? throw new UnauthorizedAccessException("The request has no authenticated user.");

    public static Guid RequireOrganisationId(this ICurrentUser user) =>
        user.OrganisationId ?? throw new UnauthorizedAccessException("The request has no organisation.");
}
