using System.Buffers.Text;
using System.Security.Cryptography;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Passkey challenges that work once and briefly. Identity's own helpers keep the challenge in a
/// self-contained cookie that can be replayed until it expires and does not say whose a failed
/// assertion was; here the challenge is a row bound to the user whose password (or sign-in) was
/// proven, and taking it deletes it, so of two racing requests only one gets it.
/// </summary>
public sealed class PasskeyChallenges(ApplicationDbContext db, TimeProvider clock)
{
    public const string SignIn = nameof(SignIn);
    public const string Register = nameof(Register);

    /// <summary>Long enough to touch a key or read a fingerprint, short enough that a forgotten page is no open door.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    /// <summary>Stores the ceremony's state; returns the key for the browser's cookie.</summary>
    public async Task<string> IssueAsync(Guid userId, string purpose, string securityStamp, string state)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        await db.Set<PasskeyChallenge>().Where(c => c.ExpiresAt < now).ExecuteDeleteAsync();
        // One ceremony per user and purpose: a new one ends the one before.
        await db.Set<PasskeyChallenge>().Where(c => c.UserId == userId && c.Purpose == purpose).ExecuteDeleteAsync();
        var key = RandomNumberGenerator.GetBytes(32);
        db.Add(new PasskeyChallenge
        {
            Id = SHA256.HashData(key),
            UserId = userId,
            Purpose = purpose,
            SecurityStamp = securityStamp,
            State = state,
            ExpiresAt = now + (long)Lifetime.TotalSeconds,
        });
        await db.SaveChangesAsync();
        return Base64Url.EncodeToString(key);
    }

    /// <summary>The ceremony the key opens, removed as it is read; null when missing, expired, already taken or of another purpose.</summary>
    public async Task<PasskeyChallenge?> TakeAsync(string? key, string purpose)
    {
        if (Decode(key) is not { Length: 32 } raw)
        {
            return null;
        }

        var id = SHA256.HashData(raw);
        var challenge = await db.Set<PasskeyChallenge>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
        // The delete decides: whichever request removes the row is the one that may use it.
        if (challenge is null || await db.Set<PasskeyChallenge>().Where(c => c.Id == id).ExecuteDeleteAsync() != 1)
        {
            return null;
        }

        return challenge.Purpose == purpose && challenge.ExpiresAt >= clock.GetUtcNow().ToUnixTimeSeconds() ? challenge : null;
    }

    private static byte[]? Decode(string? key) =>
        key is { Length: 43 } && Base64Url.IsValid(key) ? Base64Url.DecodeFromChars(key) : null;
}
