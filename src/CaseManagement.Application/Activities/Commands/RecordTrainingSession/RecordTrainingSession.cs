using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Activities;
using Mediator;

namespace CaseManagement.Application.Activities.Commands.RecordTrainingSession;

/// <summary>Records a training session for professionals, with its participants counted by profession.</summary>
[Audited(AuditActions.Create, "TrainingSession")]
[RequiresRole(Roles.Coordinator)]
public sealed record RecordTrainingSessionCommand(DateOnly Date, string Topic, IReadOnlyList<ParticipantCount> Participants) : ICommand<TrainingSessionDto>;

internal sealed class RecordTrainingSessionHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordTrainingSessionCommand, TrainingSessionDto>
{
    public ValueTask<TrainingSessionDto> Handle(RecordTrainingSessionCommand command, CancellationToken cancellationToken)
    {
        var session = new TrainingSession(Guid.CreateVersion7(), user.RequireOrganisationId(), command.Date, command.Topic.Trim(),
            command.Participants.ToDictionary(p => p.Category, p => p.Count), clock.GetUtcNow());
        db.TrainingSessions.Add(session);
        return ValueTask.FromResult(TrainingSessionDto.From(session));
    }
}
