namespace CaseManagement.Application.Common.Interfaces;

/// <summary>A user's sessions, kept by the identity server. Ending one refuses its tokens from the next request on.</summary>
public interface IUserSessions
{
    /// <summary>The user's sessions that still hold a token that has not expired, newest first.</summary>
    Task<IReadOnlyList<UserSession>> ListAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Ends one session of the user and every token of it; false when the user has no such session.</summary>
    Task<bool> RevokeAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Ends every session of the user and rotates their security stamp, so that no token, code or
    /// sign-in cookie issued before works again, even once the account is enabled again.
    /// </summary>
    Task EndAllAsync(Guid userId, CancellationToken cancellationToken);
}
