using FluentValidation;

namespace CaseManagement.Application.LegalCases.Commands.UpdateLegalCase;

public sealed class UpdateLegalCaseValidator : AbstractValidator<UpdateLegalCaseCommand>
{
    public UpdateLegalCaseValidator(LegalCaseInputValidator input)
    {
        RuleFor(x => x.Version).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(x => x.AssignedLawyerId).NotNull().NotEqual(Guid.Empty);
        RuleFor(x => x.Input).NotNull().SetValidator(input);
    }
}
