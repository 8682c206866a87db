using CaseManagement.Application.Common.Auditing;

namespace CaseManagement.Application.Statistics;

/// <summary>One frozen release as the ledger holds it: its JSON content and the hash the ledger lists for it.</summary>
public sealed record ReleaseFile(Guid Id, string Period, int Revision, byte[] Content, string ContentHash) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}
