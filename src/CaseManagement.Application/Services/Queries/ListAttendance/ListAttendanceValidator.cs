using CaseManagement.Application.Common.Models;
using FluentValidation;

namespace CaseManagement.Application.Services.Queries.ListAttendance;

public sealed class ListAttendanceValidator : AbstractValidator<ListAttendanceQuery>
{
    public ListAttendanceValidator()
    {
        RuleFor(x => x.PageNumber).ValidPageNumber();
        RuleFor(x => x.PageSize).ValidPageSize();
    }
}
