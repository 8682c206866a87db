using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.DischargeResident;

public sealed class DischargeResidentValidator : AbstractValidator<DischargeResidentCommand>
{
    public DischargeResidentValidator(TimeProvider clock)
    {
        RuleFor(x => x.DischargedOn).CaseDate(clock);
    }
}
