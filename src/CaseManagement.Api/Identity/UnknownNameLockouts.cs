using System.Security.Cryptography;
using System.Text;
using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Api.Identity;

/// <summary>
/// Failure counts and lockouts of user names no account has, so that they answer like real ones
/// (see <see cref="SignInLockout"/>); per process, keyed by a keyed hash of the name.
/// </summary>
internal sealed class UnknownNameLockouts(IMasterKeyProvider masterKey, TimeProvider clock)
{
    private readonly Dictionary<string, (int Failures, int Lockouts, DateTimeOffset? End)> _names = new(StringComparer.Ordinal);
    private readonly Lazy<byte[]> _key = new(() => masterKey.DeriveKey("sign-in-name-buckets"));

    public DateTimeOffset? End(string typedName)
    {
        lock (_names)
        {
            return _names.TryGetValue(Key(typedName), out var entry) ? entry.End : null;
        }
    }

    public TimeSpan? Failed(string typedName, int maxFailures, Func<int, TimeSpan> duration)
    {
        var key = Key(typedName);
        var now = clock.GetUtcNow();
        lock (_names)
        {
            if (_names.Count > 100_000)
            {
                _names.Clear(); // a flood of invented names must not exhaust memory
            }

            var entry = _names.GetValueOrDefault(key);
            if (entry.End > now)
            {
                return null; // Identity does not count failures during a lockout either
            }

            if (entry.Failures + 1 < maxFailures)
            {
                _names[key] = (entry.Failures + 1, entry.Lockouts, entry.End);
                return null;
            }

            var lockedFor = duration(entry.Lockouts + 1);
            _names[key] = (0, entry.Lockouts + 1, now + lockedFor);
            return lockedFor;
        }
    }

    /// <summary>User names typed at sign-in are never kept in clear, not even in memory.</summary>
    public string Key(string typedName) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(typedName.Trim().ToUpperInvariant())));
}
