using CaseManagement.Application.Common.Security;
using FluentValidation;

namespace CaseManagement.Application.Administration;

internal static class AdministrationRules
{
    /// <summary>Organisation administrators hand out organisation roles only; platform roles are the platform's.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> OrganisationRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotNull()
            .Must(roles => roles.Count is > 0 and <= 4 && roles.All(Roles.OrganisationRoles.Contains) && roles.Distinct().Count() == roles.Count)
            .WithMessage($"Give one or more of: {string.Join(", ", Roles.OrganisationRoles)}.");

    public static IRuleBuilderOptions<T, string> UserName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100).Matches(@"^[A-Za-z0-9._@-]+\z").WithMessage("A user name holds letters, digits and . _ @ - only.");
}
