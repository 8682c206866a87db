using CaseManagement.Infrastructure.Identity;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The password policy's refusals (<see cref="PasswordPolicyValidator"/> and Identity's own length
/// rule), by their codes, in the page's language. A code not listed here gets a sentence that
/// refuses without a reason rather than an English one.
/// </summary>
internal static class PasswordPolicyMessages
{
    public static SignInMessage Of(string code) => code switch
    {
        "PasswordTooShort" => SignInMessage.Of("PasswordPolicy.TooShort", PasswordPolicy.MinimumLength),
        "PasswordTooLong" => SignInMessage.Of("PasswordPolicy.TooLong", PasswordPolicy.MaximumLength),
        "PasswordRepetitive" => SignInMessage.Of("PasswordPolicy.Repetitive", PasswordPolicyValidator.FewestDistinctCharacters),
        "PasswordTooCommon" => SignInMessage.Of("PasswordPolicy.TooCommon"),
        "PasswordContainsUserName" => SignInMessage.Of("PasswordPolicy.ContainsUserName"),
        "PasswordContainsOrganisationName" => SignInMessage.Of("PasswordPolicy.ContainsOrganisationName"),
        _ => SignInMessage.Of("PasswordPolicy.Refused"),
    };
}
