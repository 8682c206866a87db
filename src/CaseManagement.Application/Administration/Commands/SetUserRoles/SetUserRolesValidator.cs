using FluentValidation;

namespace CaseManagement.Application.Administration.Commands.SetUserRoles;

public sealed class SetUserRolesValidator : AbstractValidator<SetUserRolesCommand>
{
    public SetUserRolesValidator()
    {
        RuleFor(x => x.Roles).OrganisationRoles();
    }
}
