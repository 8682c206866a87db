using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.Auditing;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseManagement.Infrastructure.Auditing;

/// <summary>
/// Appends entries to one chain inside an open transaction. The chain's head row is moved on first,
/// which takes its write lock until the transaction ends: a concurrent appender (another request's
/// command, another replica's batch) waits there rather than collides.
/// </summary>
internal static class AuditChainWriter
{
    private const string HeadSavepoint = "audit_chain_head";

    /// <summary>Whole microseconds: PostgreSQL keeps no finer, and the hash must survive the round trip.</summary>
    private static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000)));
    }

    public static async Task AppendAsync(ApplicationDbContext context, IDbContextTransaction transaction, Guid chain,
        IReadOnlyList<AuditRecord> records, AuditChainKey key, TimeProvider clock, CancellationToken cancellationToken)
    {
        var count = records.Count;
        var heads = context.AuditChainHeads.Where(h => h.OrganisationId == chain);
        if (await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence + count), cancellationToken) == 0)
        {
            await CreateHeadAsync(context, transaction, chain, cancellationToken);
            if (await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence + count), cancellationToken) == 0)
            {
                throw new InvalidOperationException("The audit chain's head row could not be created.");
            }
        }

        // The head now holds the last new sequence, and still the hash of the entry before the first new one. The time is
        // read under the head's lock, so that it never goes backwards along the chain.
        var head = await heads.AsNoTracking().SingleAsync(cancellationToken);
        var at = Now(clock);
        var previous = head.Hash;
        var entries = new List<AuditEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var record = records[i];
            var sequence = head.Sequence - count + 1 + i;
            var hash = AuditChain.ComputeHash(key.Value, previous, chain, sequence, at, record.UserId, record.ClientId, record.Action, record.EntityType, record.EntityId, record.Outcome);
            entries.Add(new AuditEntry(Guid.CreateVersion7(), chain, sequence, at, record.UserId, record.ClientId,
                record.Action, record.EntityType, record.EntityId, record.Outcome, previous, hash));
            previous = hash;
        }

        // The head's new hash and the entries go in one batch: one round trip less while the head is locked. Attached
        // here, not tracked by the read: Attach throws if the context already tracks a head, rather than save a stale one.
        var tracked = context.AuditChainHeads.Attach(head);
        try
        {
            tracked.Property(h => h.Hash).CurrentValue = previous;
            context.AuditEntries.AddRange(entries);
            await context.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            tracked.State = EntityState.Detached;
            foreach (var entry in entries)
            {
                context.Entry(entry).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// A chain's first append (or its first since heads were introduced) starts the head at the
    /// chain's last entry. Two first appenders may race: the loser's insert fails inside a
    /// savepoint, which keeps its transaction usable, and it then waits on the winner's row.
    /// </summary>
    private static async Task CreateHeadAsync(ApplicationDbContext context, IDbContextTransaction transaction, Guid chain, CancellationToken cancellationToken)
    {
        var last = await context.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.OrganisationId == chain)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        await transaction.CreateSavepointAsync(HeadSavepoint, cancellationToken);
        var head = context.AuditChainHeads.Add(new AuditChainHead(chain, last?.Sequence ?? 0, last?.Hash ?? AuditChain.Genesis));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsUniqueViolation(ex))
        {
            await transaction.RollbackToSavepointAsync(HeadSavepoint, cancellationToken);
        }
        finally
        {
            head.State = EntityState.Detached;
        }
    }
}
