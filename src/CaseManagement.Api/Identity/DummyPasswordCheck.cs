using System.Security.Cryptography;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Api.Identity;

/// <summary>
/// Makes an unknown or disabled user name cost what a known one costs: the typed password is
/// verified against a fixed hash made once with the same hasher, so the answer's timing does not
/// tell whether the name exists. Scoped like Identity's hasher; the hash is made once per process.
/// </summary>
internal sealed class DummyPasswordCheck(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new() { Id = Guid.Empty, UserName = "nobody" };
    private static string? _hash;

    public void Verify(string password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
