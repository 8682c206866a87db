using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.RecordLabourOutcome;

public sealed class RecordLabourOutcomeValidator : AbstractValidator<RecordLabourOutcomeCommand>
{
    public RecordLabourOutcomeValidator(TimeProvider clock)
    {
        RuleFor(x => x.Outcome).NotNull().IsInEnum();
        RuleFor(x => x.Date).CaseDate(clock);
    }
}
