using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// What SP 800-63B asks a verifier to refuse, beyond Identity's length rule: over-long passwords,
/// the user's own name or a part of it, their organisation's name, common passwords (also when
/// padded with digits or symbols to reach the length) and passwords of one or two characters
/// repeated. Comparisons fold case after NFKC. The errors never repeat the password or a name.
/// </summary>
public sealed class PasswordPolicyValidator(ApplicationDbContext db) : IPasswordValidator<ApplicationUser>
{
    public const int FewestDistinctCharacters = 4;
    private static readonly char[] UserNameSeparators = ['.', '_', '@', '-'];

    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        password ??= string.Empty;
        if (password.Length > PasswordPolicy.MaximumLength)
        {
            return Fail("PasswordTooLong", $"Passwords must be at most {PasswordPolicy.MaximumLength} characters.");
        }

        var folded = PasswordPolicy.Folded(password);
        var characters = folded.EnumerateRunes().ToList();
        if (password.Length >= PasswordPolicy.MinimumLength && characters.Count < PasswordPolicy.MinimumLength)
        {
            // Identity counts UTF-16 units; a character outside the BMP is one character to a person.
            return Fail("PasswordTooShort", $"Passwords must be at least {PasswordPolicy.MinimumLength} characters.");
        }

        var errors = new List<IdentityError>();
        if (characters.Distinct().Count() < FewestDistinctCharacters)
        {
            errors.Add(Error("PasswordRepetitive", $"The password must use at least {FewestDistinctCharacters} different characters."));
        }

        if (CommonPasswords.Contains(folded) || CommonPasswords.Contains(folded.Trim(PaddingOf(folded))))
        {
            errors.Add(Error("PasswordTooCommon", "This password is on a list of commonly used passwords. Choose another: a few unrelated words work well."));
        }

        if (UserNameParts(user.UserName).Any(folded.Contains))
        {
            errors.Add(Error("PasswordContainsUserName", "The password must not contain your user name or a part of it."));
        }

        if (await OrganisationNameAsync(user) is { } organisation
            && (folded.Contains(organisation, StringComparison.Ordinal) || folded.Contains(organisation.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)))
        {
            errors.Add(Error("PasswordContainsOrganisationName", "The password must not contain the name of your organisation."));
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>The whole user name and each part of it between separators, folded; short ones left out.</summary>
    private static IEnumerable<string> UserNameParts(string? userName)
    {
        if (string.IsNullOrEmpty(userName))
        {
            return [];
        }

        var name = PasswordPolicy.Folded(userName);
        return name.Split(UserNameSeparators, StringSplitOptions.RemoveEmptyEntries).Append(name)
            .Where(part => part.Length >= PasswordPolicy.ShortestNameLookedFor);
    }

    /// <summary>The organisation's name, folded; the tracked entity first, since an organisation and its first user are saved together.</summary>
    private async Task<string?> OrganisationNameAsync(ApplicationUser user)
    {
        if (user.OrganisationId is not { } id || await db.Organisations.FindAsync(id) is not { } organisation)
        {
            return null;
        }

        var name = PasswordPolicy.Folded(organisation.Name.Trim());
        return name.Length >= PasswordPolicy.ShortestNameLookedFor ? name : null;
    }

    /// <summary>Leading and trailing characters that are not letters: digits, spaces, symbols.</summary>
    private static char[] PaddingOf(string folded) => [.. folded.Where(c => !char.IsLetter(c)).Distinct()];

    private static IdentityResult Fail(string code, string description) => IdentityResult.Failed(Error(code, description));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
