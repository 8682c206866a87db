using CaseManagement.Application.Common.Models;
using FluentValidation;

namespace CaseManagement.Application.LegalCases.Queries.ListLegalCases;

public sealed class ListLegalCasesValidator : AbstractValidator<ListLegalCasesQuery>
{
    public ListLegalCasesValidator()
    {
        RuleFor(x => x.PageNumber).ValidPageNumber();
        RuleFor(x => x.PageSize).ValidPageSize();
    }
}
