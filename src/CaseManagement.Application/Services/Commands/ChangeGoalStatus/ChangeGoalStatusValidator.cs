using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.ChangeGoalStatus;

public sealed class ChangeGoalStatusValidator : AbstractValidator<ChangeGoalStatusCommand>
{
    public ChangeGoalStatusValidator(TimeProvider clock)
    {
        RuleFor(x => x.Status).NotNull().IsInEnum();
        RuleFor(x => x.Date).CaseDate(clock);
    }
}
