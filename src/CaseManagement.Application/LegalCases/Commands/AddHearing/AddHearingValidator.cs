using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.LegalCases.Commands.AddHearing;

public sealed class AddHearingValidator : AbstractValidator<AddHearingCommand>
{
    public const int MaxPurposeLength = 2_000;

    public AddHearingValidator(TimeProvider clock)
    {
        RuleFor(x => x.ScheduledAt).NotNull().HearingTime(clock);
        RuleFor(x => x.Court).NotEmpty().MaximumLength(200).Line();
        RuleFor(x => x.Purpose).MaximumLength(MaxPurposeLength).Paragraph();
    }
}
