namespace CaseManagement.Application.Common.Interfaces;

/// <summary>Who is calling. Outside a request (jobs, commands) there is no user and no organisation.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    Guid? OrganisationId { get; }
}

public static class CurrentUserExtensions
{
    public static Guid RequireUserId(this ICurrentUser user) =>
        user.UserId ?? throw new UnauthorizedAccessException("The request has no authenticated user.");

    public static Guid RequireOrganisationId(this ICurrentUser user) =>
        user.OrganisationId ?? throw new UnauthorizedAccessException("The request has no organisation.");
}
