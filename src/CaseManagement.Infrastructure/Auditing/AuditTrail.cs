using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.Auditing;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using CaseManagement.Infrastructure.Telemetry;

namespace CaseManagement.Infrastructure.Auditing;

/// <summary>
/// Appends to an organisation's chain inside a transaction: a command's entry inside the
/// command's own transaction, so that the change and its entry are committed together; any other
/// entry (a read, a refusal, a failure, a sign-in) in a short transaction of its own. The chain's
/// head row is locked first, so concurrent appends to one chain wait for each other rather than
/// collide and retry.
/// </summary>
public sealed class AuditTrail(ApplicationDbContext db, IServiceScopeFactory scopes, AuditChainKey key, TimeProvider clock) : IAuditTrail
{
    private const string HeadSavepoint = "audit_chain_head";

    public bool HasRecorded { get; private set; }

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            await using var transaction = await own.Database.BeginTransactionAsync(cancellationToken);
            await AppendAsync(own, transaction, record, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            InfrastructureMetrics.AuditAppended(record.Action, record.Outcome, "own", ex);
            throw;
        }

        InfrastructureMetrics.AuditAppended(record.Action, record.Outcome, "own");
        HasRecorded = true;
    }

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A command's audit entry is appended inside the command's transaction.");
        try
        {
            await AppendAsync(db, transaction, record, cancellationToken);
        }
        catch (Exception ex)
        {
            InfrastructureMetrics.AuditAppended(record.Action, record.Outcome, "command", ex);
            throw;
        }

        // Counted when appended: the command's transaction commits (or rolls back) later.
        InfrastructureMetrics.AuditAppended(record.Action, record.Outcome, "command");
        HasRecorded = true;
    }

    private async Task AppendAsync(ApplicationDbContext context, IDbContextTransaction transaction, AuditRecord record, CancellationToken cancellationToken)
    {
        var chain = record.OrganisationId ?? AuditEntry.PlatformChain;
        var heads = context.AuditChainHeads.Where(h => h.OrganisationId == chain);
        // The update takes the head row's write lock until the transaction ends: the next appender waits here.
        if (await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence + 1), cancellationToken) == 0)
        {
            await CreateHeadAsync(context, transaction, chain, cancellationToken);
            if (await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence + 1), cancellationToken) == 0)
            {
                throw new InvalidOperationException("The audit chain's head row could not be created.");
            }
        }

        var head = await heads.AsNoTracking().SingleAsync(cancellationToken);
        // Whole microseconds: PostgreSQL keeps no finer, and the hash must survive the round trip.
        var now = clock.GetUtcNow();
        var at = now.AddTicks(-(now.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000)));
        var hash = AuditChain.ComputeHash(key.Value, head.Hash, chain, head.Sequence, at, record.UserId, record.ClientId, record.Action, record.EntityType, record.EntityId, record.Outcome);
        await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Hash, hash), cancellationToken);
        var entry = context.AuditEntries.Add(new AuditEntry(Guid.CreateVersion7(), chain, head.Sequence, at, record.UserId, record.ClientId,
            record.Action, record.EntityType, record.EntityId, record.Outcome, head.Hash, hash));
        await context.SaveChangesAsync(cancellationToken);
        entry.State = EntityState.Detached;
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
