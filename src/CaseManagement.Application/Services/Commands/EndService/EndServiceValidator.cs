using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.EndService;

public sealed class EndServiceValidator : AbstractValidator<EndServiceCommand>
{
    public EndServiceValidator(TimeProvider clock)
    {
        RuleFor(x => x.EndDate).CaseDate(clock);
    }
}
