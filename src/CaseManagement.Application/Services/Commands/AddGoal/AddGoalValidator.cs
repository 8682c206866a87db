using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.AddGoal;

public sealed class AddGoalValidator : AbstractValidator<AddGoalCommand>
{
    public const int MaxDescriptionLength = 1000;

    public AddGoalValidator(TimeProvider clock)
    {
        RuleFor(x => x.Area).NotNull().IsInEnum();
        RuleFor(x => x.Description).NotEmpty().MaximumLength(MaxDescriptionLength).Line();
        RuleFor(x => x.TargetDate).PlanningDate(clock);
    }
}
