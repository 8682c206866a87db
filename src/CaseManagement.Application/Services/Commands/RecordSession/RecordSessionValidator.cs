using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Validation;
using CaseManagement.Application.Notes.Commands.AddNote;
using CaseManagement.Domain.Services;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.RecordSession;

public sealed class RecordSessionValidator : AbstractValidator<RecordSessionCommand>
{
    public RecordSessionValidator(TimeProvider clock)
    {
        RuleFor(x => x.Date).CaseDate(clock);
        RuleFor(x => x.DurationMinutes).InclusiveBetween(CounsellingSession.MinDurationMinutes, CounsellingSession.MaxDurationMinutes);
        RuleFor(x => x.CounsellorId).NotEmpty();
        RuleFor(x => x.Note).NotEmpty().When(x => x.Note is not null);
        RuleFor(x => x.Note).MaximumLength(AddNoteValidator.MaxContentLength).Paragraph();
    }
}
