using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.ScheduleFollowUp;

public sealed class ScheduleFollowUpValidator : AbstractValidator<ScheduleFollowUpCommand>
{
    public const int MaxPurposeLength = 500;

    public ScheduleFollowUpValidator(TimeProvider clock)
    {
        RuleFor(x => x.DueOn).UpcomingDate(clock);
        RuleFor(x => x.Purpose).NotEmpty().When(x => x.Purpose is not null);
        RuleFor(x => x.Purpose).MaximumLength(MaxPurposeLength).Line();
    }
}
