using CaseManagement.Application.Common.Models;
using FluentValidation;

namespace CaseManagement.Application.Cases.Queries.ListCases;

public sealed class ListCasesValidator : AbstractValidator<ListCasesQuery>
{
    public ListCasesValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.PageNumber).ValidPageNumber();
        RuleFor(x => x.PageSize).ValidPageSize();
    }
}
