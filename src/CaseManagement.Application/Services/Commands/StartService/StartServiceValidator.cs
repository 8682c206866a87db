using FluentValidation;

namespace CaseManagement.Application.Services.Commands.StartService;

public sealed class StartServiceValidator : AbstractValidator<StartServiceCommand>
{
    public StartServiceValidator(TimeProvider clock)
    {
        RuleFor(x => x.Type).NotNull().IsInEnum();
        RuleFor(x => x.StartDate).NotEmpty().Must(d => d <= Cases.CaseDates.LatestAllowed(clock))
            .WithMessage("A service cannot start in the future.");
    }
}
