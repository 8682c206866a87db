using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.LegalCases;

namespace CaseManagement.Application.LegalCases;

public sealed record HearingDto(Guid Id, Guid LegalCaseId, DateTimeOffset ScheduledAt, string Court, string? Purpose, string? Outcome, DateTimeOffset? OutcomeRecordedAt)
    : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;

    internal static HearingDto From(Hearing h) => new(h.Id, h.LegalCaseId, h.ScheduledAt, h.Court, h.Purpose, h.Outcome, h.OutcomeRecordedAt);
}
