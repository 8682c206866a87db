namespace CaseManagement.Application.Common.Auditing;

/// <summary>
/// Audit entries a command writes into other organisations' chains (a referral's other side). They
/// are appended by the unit of work with the command's own entry, in the order of their chains'
/// ids: two commands that touch the same two chains lock their heads in the same order, so they
/// wait for each other instead of deadlocking.
/// </summary>
public sealed class DeferredAuditEntries
{
    private readonly List<AuditRecord> _records = [];

    public void Add(AuditRecord record) => _records.Add(record);

    /// <summary>The entries to append, with <paramref name="own"/> if any, in chain order; the list is emptied.</summary>
    public IReadOnlyList<AuditRecord> TakeWith(AuditRecord? own)
    {
        List<AuditRecord> all = own is null ? [.. _records] : [own, .. _records];
        _records.Clear();
        return [.. all.OrderBy(r => r.OrganisationId ?? Guid.Empty)];
    }

    public void Clear() => _records.Clear();
}
