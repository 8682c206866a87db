using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.StartService;

public sealed class StartServiceValidator : AbstractValidator<StartServiceCommand>
{
    public StartServiceValidator(TimeProvider clock)
    {
        RuleFor(x => x.Type).NotNull().IsInEnum();
        RuleFor(x => x.StartDate).CaseDate(clock);
    }
}
