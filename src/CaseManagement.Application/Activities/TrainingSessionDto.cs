using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.Activities;

namespace CaseManagement.Application.Activities;

public sealed record TrainingSessionDto(Guid Id, DateOnly Date, string Topic, IReadOnlyList<ParticipantCount> Participants, int Total) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;

    public static TrainingSessionDto From(TrainingSession s) =>
        new(s.Id, s.Date, s.Topic, [.. s.Participants.OrderBy(p => p.Category).Select(p => new ParticipantCount(p.Category, p.Count))], s.Total);
}
