using FluentValidation;

namespace CaseManagement.Application.Referrals.Commands.DeclineReferral;

public sealed class DeclineReferralValidator : AbstractValidator<DeclineReferralCommand>
{
    public DeclineReferralValidator()
    {
        RuleFor(x => x.Reason).IsInEnum();
    }
}
