namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// A passkey ceremony under way: the challenge Identity's passkey handler issued, for one user and
/// one purpose, until it is used once or expires. The browser holds a random key to it in a cookie;
/// the table holds only that key's hash, so a copy of the table opens no ceremony.
/// </summary>
public sealed class PasskeyChallenge
{
    /// <summary>SHA-256 of the random key in the browser's cookie.</summary>
    public byte[] Id { get; set; } = [];

    public Guid UserId { get; set; }

    /// <summary><see cref="PasskeyChallenges.SignIn"/> or <see cref="PasskeyChallenges.Register"/>: a sign-in challenge never registers a key, nor the reverse.</summary>
    public string Purpose { get; set; } = string.Empty;

    /// <summary>The account's security stamp when the ceremony began: a reset or sign-out everywhere in between ends it.</summary>
    public string SecurityStamp { get; set; } = string.Empty;

    /// <summary>The handler's state (the challenge and the user entity or id): server-side only, never sent to the browser.</summary>
    public string State { get; set; } = string.Empty;

    /// <summary>Unix seconds, as <see cref="WebSession.ExpiresAt"/>: SQLite cannot compare date-times with offsets.</summary>
    public long ExpiresAt { get; set; }
}
