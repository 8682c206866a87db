using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Notes.Commands.AddNote;

public sealed class AddNoteValidator : AbstractValidator<AddNoteCommand>
{
    public const int MaxContentLength = 20_000;

    public AddNoteValidator()
    {
        RuleFor(x => x.Sensitivity).IsInEnum();
        RuleFor(x => x.Content).NotEmpty().MaximumLength(MaxContentLength).Paragraph();
    }
}
