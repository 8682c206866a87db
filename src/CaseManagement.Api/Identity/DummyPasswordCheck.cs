using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Api.Identity;

/// <summary>
/// Makes an unknown or disabled user name cost what a known one costs: the typed password is
/// verified against a fixed hash made once with the same hasher, so the answer's timing does not
/// tell whether the name exists.
/// </summary>
internal sealed class DummyPasswordCheck(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new() { Id = Guid.Empty, UserName = "nobody" };
    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public void Verify(string password) => _ = hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
