using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Administration;

internal static class AdministrationRules
{
    /// <summary>Organisation administrators hand out organisation roles only; platform roles are the platform's.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> OrganisationRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotNull()
            .Must(roles => roles.Count is > 0 and <= 4 && roles.All(Roles.OrganisationRoles.Contains) && roles.Distinct().Count() == roles.Count)
            .WithMessage($"Give one or more of: {string.Join(", ", Roles.OrganisationRoles)}.").WithErrorCode("Roles.Organisation");

    /// <summary>Platform users hold platform roles only: they never read personal data.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> PlatformRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotNull()
            .Must(roles => roles.Count is > 0 and <= 2 && roles.All(Roles.PlatformRoles.Contains) && roles.Distinct().Count() == roles.Count)
            .WithMessage($"Give one or more of: {string.Join(", ", Roles.PlatformRoles)}.").WithErrorCode("Roles.Platform");

    /// <summary>Where an invitation goes; optional (without a mail server the link is handed back instead) and never stored.</summary>
    public static IRuleBuilderOptions<T, string?> InvitationEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(254).EmailAddress().Line();

    public static IRuleBuilderOptions<T, string> UserName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100).Matches(@"^[A-Za-z0-9._@-]+\z").WithMessage("A user name holds letters, digits and . _ @ - only.")
            .WithErrorCode("UserName.Characters");
}
