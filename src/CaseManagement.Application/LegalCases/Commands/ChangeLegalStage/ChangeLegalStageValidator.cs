using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.LegalCases.Commands.ChangeLegalStage;

public sealed class ChangeLegalStageValidator : AbstractValidator<ChangeLegalStageCommand>
{
    public ChangeLegalStageValidator(TimeProvider clock)
    {
        RuleFor(x => x.Stage).NotNull().IsInEnum();
        RuleFor(x => x.Date).CaseDate(clock);
    }
}
