using FluentValidation;

namespace CaseManagement.Application.Consents.Commands.ReviseConsent;

public sealed class ReviseConsentValidator : AbstractValidator<ReviseConsentCommand>
{
    public ReviseConsentValidator(TimeProvider clock)
    {
        RuleFor(x => x.Number).GreaterThanOrEqualTo(1);
        RuleFor(x => x.Terms).NotNull().SetValidator(new ConsentInputValidator(clock));
    }
}
