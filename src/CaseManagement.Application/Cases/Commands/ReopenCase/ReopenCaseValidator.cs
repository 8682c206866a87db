using FluentValidation;

namespace CaseManagement.Application.Cases.Commands.ReopenCase;

public sealed class ReopenCaseValidator : AbstractValidator<ReopenCaseCommand>
{
    public ReopenCaseValidator()
    {
        RuleFor(x => x.Version).NotNull().GreaterThanOrEqualTo(0);
    }
}
