using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.LegalCases.Commands.CreateLegalCase;

public sealed class CreateLegalCaseValidator : AbstractValidator<CreateLegalCaseCommand>
{
    public CreateLegalCaseValidator(TimeProvider clock, LegalCaseInputValidator input)
    {
        RuleFor(x => x.Input).NotNull().SetValidator(input);
        RuleFor(x => x.Stage).NotNull().IsInEnum();
        RuleFor(x => x.OpenedOn).CaseDate(clock);
    }
}
