using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.CompleteFollowUp;

public sealed class CompleteFollowUpValidator : AbstractValidator<CompleteFollowUpCommand>
{
    public const int MaxNoteLength = 4000;

    public CompleteFollowUpValidator(TimeProvider clock)
    {
        RuleFor(x => x.DoneOn).CaseDate(clock);
        RuleFor(x => x.Note).NotEmpty().When(x => x.Note is not null);
        RuleFor(x => x.Note).MaximumLength(MaxNoteLength).Paragraph();
    }
}
