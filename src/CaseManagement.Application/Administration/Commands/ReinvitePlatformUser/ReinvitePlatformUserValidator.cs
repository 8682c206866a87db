using FluentValidation;

namespace CaseManagement.Application.Administration.Commands.ReinvitePlatformUser;

public sealed class ReinvitePlatformUserValidator : AbstractValidator<ReinvitePlatformUserCommand>
{
    public ReinvitePlatformUserValidator()
    {
        RuleFor(x => x.Email).InvitationEmail();
    }
}
