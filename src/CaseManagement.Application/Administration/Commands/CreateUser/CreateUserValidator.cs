using FluentValidation;

namespace CaseManagement.Application.Administration.Commands.CreateUser;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.UserName).UserName();
        RuleFor(x => x.Roles).OrganisationRoles();
        RuleFor(x => x.Email).InvitationEmail();
    }
}
