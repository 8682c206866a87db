using CaseManagement.Application.Administration;
using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Organisations.Commands.CreateOrganisation;

public sealed class CreateOrganisationValidator : AbstractValidator<CreateOrganisationCommand>
{
    public CreateOrganisationValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200).Line();
        RuleFor(x => x.AdminUserName).UserName();
        RuleFor(x => x.AdminEmail).InvitationEmail();
    }
}
