using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.RecordAttendance;

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendanceCommand>
{
    public RecordAttendanceValidator(TimeProvider clock)
    {
        RuleFor(x => x.Date).CaseDate(clock);
        RuleFor(x => x.Activity).NotNull().IsInEnum();
    }
}
