using CaseManagement.Application.Common.Models;
using FluentValidation;

namespace CaseManagement.Application.LegalCases.Queries.ListPrivilegedNotes;

public sealed class ListPrivilegedNotesValidator : AbstractValidator<ListPrivilegedNotesQuery>
{
    public ListPrivilegedNotesValidator()
    {
        RuleFor(x => x.PageNumber).ValidPageNumber();
        RuleFor(x => x.PageSize).ValidPageSize();
    }
}
