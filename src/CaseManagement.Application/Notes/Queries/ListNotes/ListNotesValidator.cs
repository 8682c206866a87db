using CaseManagement.Application.Common.Models;
using FluentValidation;

namespace CaseManagement.Application.Notes.Queries.ListNotes;

public sealed class ListNotesValidator : AbstractValidator<ListNotesQuery>
{
    public ListNotesValidator()
    {
        RuleFor(x => x.PageNumber).ValidPageNumber();
        RuleFor(x => x.PageSize).ValidPageSize();
    }
}
