using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Consents.Commands.WithdrawConsent;

public sealed class WithdrawConsentValidator : AbstractValidator<WithdrawConsentCommand>
{
    public WithdrawConsentValidator(TimeProvider clock)
    {
        RuleFor(x => x.Number).GreaterThanOrEqualTo(1);
        RuleFor(x => x.WithdrawnOn).CaseDate(clock);
    }
}
