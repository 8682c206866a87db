using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Identity's hasher, given the password in NFKC (SP 800-63B §5.1.1.2): the same passphrase typed
/// on two keyboards that compose accents differently verifies either way. A hash made from an
/// unnormalised password still verifies, and is then replaced by one of the normalised form.
/// </summary>
public sealed class NormalisingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new(options);

    public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, PasswordPolicy.Normalise(password));

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        var normalised = PasswordPolicy.Normalise(providedPassword);
        var result = _inner.VerifyHashedPassword(user, hashedPassword, normalised);
        if (result != PasswordVerificationResult.Failed || normalised == providedPassword)
        {
            return result;
        }

        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword) == PasswordVerificationResult.Failed
            ? PasswordVerificationResult.Failed
            : PasswordVerificationResult.SuccessRehashNeeded;
    }
}
