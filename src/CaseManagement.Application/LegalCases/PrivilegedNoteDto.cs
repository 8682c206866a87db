using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.LegalCases;

namespace CaseManagement.Application.LegalCases;

public sealed record PrivilegedNoteDto(Guid Id, Guid LegalCaseId, Guid AuthorId, string Content, DateTimeOffset WrittenAt) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;

    internal static PrivilegedNoteDto From(PrivilegedNote n) => new(n.Id, n.LegalCaseId, n.AuthorId, n.Content, n.WrittenAt);
}
