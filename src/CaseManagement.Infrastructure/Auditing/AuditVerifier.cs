using CaseManagement.Application.Common.Auditing;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Auditing;

/// <summary>Checks an organisation's chain from its first entry to its head.</summary>
public sealed class AuditVerifier(ApplicationDbContext db, AuditChainKey key) : IAuditChainVerifier
{
    public async Task<AuditChainReport> VerifyAsync(Guid organisationId, long? expectedHeadSequence, string? expectedHeadHash, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.OrganisationId == organisationId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var expected = expectedHeadSequence is { } sequence && expectedHeadHash is { } hash ? new AuditHead(organisationId, sequence, hash) : null;
        var broken = AuditChain.FindFirstBreak(key.Value, entries, expected);
        var last = entries.LastOrDefault();
        return new AuditChainReport(broken is null, entries.Count, broken?.Sequence, broken?.Reason, last?.Sequence,
            last is null ? null : Convert.ToHexString(last.Hash));
    }
}
