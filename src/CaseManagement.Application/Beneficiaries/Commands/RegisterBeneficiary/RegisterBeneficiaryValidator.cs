using FluentValidation;

namespace CaseManagement.Application.Beneficiaries.Commands.RegisterBeneficiary;

public sealed class RegisterBeneficiaryValidator : AbstractValidator<RegisterBeneficiaryCommand>
{
    public RegisterBeneficiaryValidator(TimeProvider clock)
    {
        RuleFor(x => x.Beneficiary).NotNull().SetValidator(new BeneficiaryInputValidator(clock));
    }
}
