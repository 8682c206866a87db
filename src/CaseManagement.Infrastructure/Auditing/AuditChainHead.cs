namespace CaseManagement.Infrastructure.Auditing;

/// <summary>
/// The last link of one organisation's chain, one row per chain. Appending locks this row first,
/// so appends to one chain queue behind each other inside their transactions instead of racing
/// for the next sequence number.
/// </summary>
public sealed class AuditChainHead
{
    public AuditChainHead(Guid organisationId, long sequence, byte[] hash)
    {
        OrganisationId = organisationId;
        Sequence = sequence;
        Hash = hash;
    }

    public Guid OrganisationId { get; private set; }

    public long Sequence { get; private set; }

    public byte[] Hash { get; private set; }
}
