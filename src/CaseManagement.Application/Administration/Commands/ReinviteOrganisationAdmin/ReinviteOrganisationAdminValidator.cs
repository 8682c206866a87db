using FluentValidation;

namespace CaseManagement.Application.Administration.Commands.ReinviteOrganisationAdmin;

public sealed class ReinviteOrganisationAdminValidator : AbstractValidator<ReinviteOrganisationAdminCommand>
{
    public ReinviteOrganisationAdminValidator()
    {
        RuleFor(x => x.Email).InvitationEmail();
    }
}
