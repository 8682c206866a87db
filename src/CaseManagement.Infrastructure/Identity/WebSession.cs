namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// A signed-in browser, kept on the server: the sign-in cookie holds only this row's key, so
/// signing out deletes the session itself, and a copy of the cookie then opens nothing.
/// </summary>
public sealed class WebSession
{
    /// <summary>The key in the cookie: random, never derived from the user or the time.</summary>
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The authentication ticket, serialised and sealed by Data Protection (whose keys are sealed under the master key).</summary>
    public byte[] Ticket { get; set; } = [];

    /// <summary>Unix seconds: SQLite cannot compare date-times with offsets, and expired rows are deleted by comparison.</summary>
    public long ExpiresAt { get; set; }
}
