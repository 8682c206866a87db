using FluentValidation;

namespace CaseManagement.Application.Beneficiaries.Commands.UpdateBeneficiary;

public sealed class UpdateBeneficiaryValidator : AbstractValidator<UpdateBeneficiaryCommand>
{
    public UpdateBeneficiaryValidator(TimeProvider clock)
    {
        RuleFor(x => x.Version).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(x => x.Beneficiary).NotNull().SetValidator(new BeneficiaryInputValidator(clock));
    }
}
