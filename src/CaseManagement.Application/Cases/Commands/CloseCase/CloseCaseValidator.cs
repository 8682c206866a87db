using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Cases.Commands.CloseCase;

public sealed class CloseCaseValidator : AbstractValidator<CloseCaseCommand>
{
    public CloseCaseValidator(TimeProvider clock)
    {
        RuleFor(x => x.Version).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(x => x.Reason).NotNull().WithMessage("A closed case needs a closure reason.").WithErrorCode("Case.ClosureReason").IsInEnum();
        RuleFor(x => x.Note).MaximumLength(2000).Paragraph();
        RuleFor(x => x.ClosedOn).CaseDate(clock);
    }
}
