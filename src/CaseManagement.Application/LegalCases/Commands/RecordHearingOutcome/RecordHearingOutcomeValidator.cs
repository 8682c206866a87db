using CaseManagement.Application.Common.Validation;
using CaseManagement.Application.LegalCases.Commands.AddHearing;
using FluentValidation;

namespace CaseManagement.Application.LegalCases.Commands.RecordHearingOutcome;

public sealed class RecordHearingOutcomeValidator : AbstractValidator<RecordHearingOutcomeCommand>
{
    public const int MaxOutcomeLength = 20_000;

    public RecordHearingOutcomeValidator(TimeProvider clock)
    {
        RuleFor(x => x.Outcome).NotEmpty().MaximumLength(MaxOutcomeLength).Paragraph();
        RuleFor(x => x.NextScheduledAt).HearingTime(clock);
        RuleFor(x => x.NextPurpose).MaximumLength(AddHearingValidator.MaxPurposeLength).Paragraph();
        RuleFor(x => x.NextPurpose).Null().When(x => x.NextScheduledAt is null).WithMessage("A purpose needs the next hearing's date and time.").WithErrorCode("Hearing.NextPurpose");
    }
}
