using FluentValidation;

namespace CaseManagement.Application.Services.Commands.EndService;

public sealed class EndServiceValidator : AbstractValidator<EndServiceCommand>
{
    public EndServiceValidator(TimeProvider clock)
    {
        RuleFor(x => x.EndDate).NotEmpty().Must(d => d <= Cases.CaseDates.LatestAllowed(clock))
            .WithMessage("A service cannot end in the future.");
    }
}
