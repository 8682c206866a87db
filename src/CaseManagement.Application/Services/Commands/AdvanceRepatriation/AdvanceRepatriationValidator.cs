using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.AdvanceRepatriation;

public sealed class AdvanceRepatriationValidator : AbstractValidator<AdvanceRepatriationCommand>
{
    public AdvanceRepatriationValidator(TimeProvider clock)
    {
        RuleFor(x => x.Status).NotNull().IsInEnum();
        RuleFor(x => x.Date).CaseDate(clock);
        RuleFor(x => x.ActualTravelOn).CaseDate(clock);
    }
}
