using CaseManagement.Application.Common.Validation;
using CaseManagement.Application.Notes.Commands.AddNote;
using FluentValidation;

namespace CaseManagement.Application.LegalCases.Commands.AddPrivilegedNote;

public sealed class AddPrivilegedNoteValidator : AbstractValidator<AddPrivilegedNoteCommand>
{
    public AddPrivilegedNoteValidator()
    {
        RuleFor(x => x.Content).NotEmpty().MaximumLength(AddNoteValidator.MaxContentLength).Paragraph();
    }
}
