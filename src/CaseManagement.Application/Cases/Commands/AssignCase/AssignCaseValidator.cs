using FluentValidation;

namespace CaseManagement.Application.Cases.Commands.AssignCase;

public sealed class AssignCaseValidator : AbstractValidator<AssignCaseCommand>
{
    public AssignCaseValidator()
    {
        RuleFor(x => x.Version).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(x => x.WorkerId).NotEmpty();
    }
}
