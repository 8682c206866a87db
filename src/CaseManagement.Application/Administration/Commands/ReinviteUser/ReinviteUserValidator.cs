using FluentValidation;

namespace CaseManagement.Application.Administration.Commands.ReinviteUser;

public sealed class ReinviteUserValidator : AbstractValidator<ReinviteUserCommand>
{
    public ReinviteUserValidator()
    {
        RuleFor(x => x.Email).InvitationEmail();
    }
}
