using FluentValidation;

namespace CaseManagement.Application.Consents.Commands.RecordConsent;

public sealed class RecordConsentValidator : AbstractValidator<RecordConsentCommand>
{
    public RecordConsentValidator(TimeProvider clock)
    {
        RuleFor(x => x.Terms).NotNull().SetValidator(new ConsentInputValidator(clock));
    }
}
