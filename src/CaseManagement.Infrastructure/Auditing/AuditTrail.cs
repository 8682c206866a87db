using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.Auditing;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Infrastructure.Auditing;

/// <summary>
/// Appends entries through a context of its own, committed at once, so that a refused or failed
/// command is recorded even though its own changes are discarded. Concurrent appends to one chain
/// collide on the unique (organisation, sequence) index; the loser reads the new head and retries.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, AuditChainKey key, TimeProvider clock) : IAuditTrail
{
    private const int Attempts = 10;

    public bool HasRecorded { get; private set; }

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var chain = record.OrganisationId ?? AuditEntry.PlatformChain;
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var head = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.OrganisationId == chain)
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var sequence = (head?.Sequence ?? 0) + 1;
            var previous = head?.Hash ?? AuditChain.Genesis;
            // Whole microseconds: PostgreSQL keeps no finer, and the hash must survive the round trip.
            var now = clock.GetUtcNow();
            var at = now.AddTicks(-(now.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000)));
            var hash = AuditChain.ComputeHash(key.Value, previous, chain, sequence, at, record.UserId, record.ClientId, record.Action, record.EntityType, record.EntityId, record.Outcome);
            db.AuditEntries.Add(new AuditEntry(Guid.CreateVersion7(), chain, sequence, at, record.UserId, record.ClientId,
                record.Action, record.EntityType, record.EntityId, record.Outcome, previous, hash));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                HasRecorded = true;
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another request took this sequence number: read the new head and try again.
            }
        }
    }
}

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
