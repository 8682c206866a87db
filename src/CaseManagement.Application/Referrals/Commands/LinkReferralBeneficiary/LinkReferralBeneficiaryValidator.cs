using FluentValidation;

namespace CaseManagement.Application.Referrals.Commands.LinkReferralBeneficiary;

public sealed class LinkReferralBeneficiaryValidator : AbstractValidator<LinkReferralBeneficiaryCommand>
{
    public LinkReferralBeneficiaryValidator()
    {
        RuleFor(x => x.BeneficiaryId).NotEmpty();
    }
}
