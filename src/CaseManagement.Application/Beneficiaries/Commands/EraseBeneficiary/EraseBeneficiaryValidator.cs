using FluentValidation;

namespace CaseManagement.Application.Beneficiaries.Commands.EraseBeneficiary;

internal sealed class EraseBeneficiaryValidator : AbstractValidator<EraseBeneficiaryCommand>
{
    public EraseBeneficiaryValidator()
    {
        RuleFor(c => c.Basis).IsInEnum();
    }
}
