using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Referrals.Commands.AcceptReferral;

public sealed class AcceptReferralValidator : AbstractValidator<AcceptReferralCommand>
{
    public AcceptReferralValidator(TimeProvider clock)
    {
        RuleFor(x => x.OpenedOn).CaseDate(clock);
        RuleFor(x => x.BeneficiaryId).Must(id => id != Guid.Empty).WithMessage("Name a beneficiary, or none.").WithErrorCode("Referral.BeneficiaryId");
        RuleFor(x => x.AssignedWorkerId).Must(id => id != Guid.Empty).WithMessage("Name a worker, or none.").WithErrorCode("Referral.WorkerId");
    }
}
