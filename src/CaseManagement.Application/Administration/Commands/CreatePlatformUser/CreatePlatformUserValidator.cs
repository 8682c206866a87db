using FluentValidation;

namespace CaseManagement.Application.Administration.Commands.CreatePlatformUser;

public sealed class CreatePlatformUserValidator : AbstractValidator<CreatePlatformUserCommand>
{
    public CreatePlatformUserValidator()
    {
        RuleFor(x => x.UserName).UserName();
        RuleFor(x => x.Roles).PlatformRoles();
        RuleFor(x => x.Email).InvitationEmail();
    }
}
