using System.Threading.RateLimiting;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The sign-in form's limit per user name (whatever the address): slows guessing one person's
/// password from many addresses, while people sharing an office's address are not locked out by
/// each other. Partitioned by the keyed hash of the name, never the name itself.
/// </summary>
internal sealed class UserNameRateLimiter(int permitsPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(nameKey =>
        RateLimitPartition.GetFixedWindowLimiter(nameKey, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string nameKey)
    {
        using var lease = _limiter.AttemptAcquire(nameKey);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
