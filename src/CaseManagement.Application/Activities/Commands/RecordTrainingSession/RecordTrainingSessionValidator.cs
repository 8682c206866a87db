using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Validation;
using CaseManagement.Domain.Activities;
using FluentValidation;

namespace CaseManagement.Application.Activities.Commands.RecordTrainingSession;

public sealed class RecordTrainingSessionValidator : AbstractValidator<RecordTrainingSessionCommand>
{
    public const int MaxTopicLength = 200;

    public RecordTrainingSessionValidator(TimeProvider clock)
    {
        RuleFor(x => x.Date).CaseDate(clock);
        RuleFor(x => x.Topic).NotEmpty().MaximumLength(MaxTopicLength).Line();
        RuleFor(x => x.Participants).NotEmpty()
            .Must(l => l.All(p => p is not null) && l.Select(p => p.Category).Distinct().Count() == l.Count).WithMessage("Name each profession once.").WithErrorCode("List.ProfessionsOnce");
        RuleForEach(x => x.Participants).ChildRules(p =>
        {
            p.RuleFor(x => x.Category).IsInEnum();
            p.RuleFor(x => x.Count).InclusiveBetween(1, TrainingSession.MaxParticipants);
        });
    }
}
