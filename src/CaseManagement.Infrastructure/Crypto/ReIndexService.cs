using System.Reflection;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Common;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// The <c>reindex</c> verb: recomputes every blind index (the index columns and the alias index
/// rows) of every row under the current bits, in batches, while the system runs. It writes only
/// the rows whose index differs, so a second run changes nothing.
/// </summary>
public sealed partial class ReIndexService(IServiceScopeFactory scopes, BlindIndexer indexer, AliasIndexes aliases, ILogger<ReIndexService> logger)
{
    public const int DefaultBatchSize = 500;

    /// <summary>One pass per entity type declaring a blind index.</summary>
    private static readonly Lazy<Func<ReIndexService, Guid, int, CancellationToken, Task<ReIndexResult>>[]> Passes = new(() =>
    [
        .. PersonalDataModel.BlindIndexes.Select(i => i.Entity).Distinct()
            .Select(t => typeof(ReIndexService).GetMethod(nameof(ReIndexAsync), BindingFlags.Instance | BindingFlags.NonPublic)!.MakeGenericMethod(t))
            .Select(m => (Func<ReIndexService, Guid, int, CancellationToken, Task<ReIndexResult>>)((service, organisation, batch, ct) =>
                (Task<ReIndexResult>)m.Invoke(service, [organisation, batch, ct])!)),
    ]);

    /// <summary>Re-indexes every organisation (or only <paramref name="organisationId"/>); returns the rows read and the rows rewritten.</summary>
    public async Task<ReIndexResult> RunAsync(int batchSize = DefaultBatchSize, Guid? organisationId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        List<Guid> organisations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            organisations = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>()
                .Organisations.Where(o => organisationId == null || o.Id == organisationId).Select(o => o.Id).ToListAsync(cancellationToken);
        }

        var total = new ReIndexResult(0, 0);
        foreach (var organisation in organisations)
        {
            foreach (var pass in Passes.Value)
            {
                total += await pass(this, organisation, batchSize, cancellationToken);
            }
        }

        LogDone(logger, total.Read, total.Changed, organisations.Count);
        return total;
    }

    private async Task<ReIndexResult> ReIndexAsync<TEntity>(Guid organisationId, int batchSize, CancellationToken cancellationToken)
        where TEntity : class, IOrganisationOwned
    {
        var personal = PersonalDataModel.For(typeof(TEntity))!;
        var indexed = personal.Properties.Where(p => p.IndexProperty is not null).ToList();
        var result = new ReIndexResult(0, 0);
        Guid? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            // Keyset paging in the database's own order of ids; jobs have no user, so the tenant filter is lifted.
            var query = db.Set<TEntity>().IgnoreQueryFilters().Where(e => e.OrganisationId == organisationId);
            if (after is { } last)
            {
                query = query.Where(e => e.Id.CompareTo(last) > 0);
            }

            var batch = await query.OrderBy(e => e.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return result;
            }

            foreach (var row in batch)
            {
                var entry = db.Entry(row);
                foreach (var property in indexed)
                {
                    var value = property.GetValue(row);
                    int? wanted = value is null or "" ? null : indexer.Compute(organisationId, personal.Name, property.Name, property.Index!.Normalise(value));
                    var column = entry.Property(property.IndexProperty!);
                    if (!Equals(column.CurrentValue, wanted))
                    {
                        column.CurrentValue = wanted;
                    }
                }
            }

            if (typeof(TEntity) == typeof(Beneficiary))
            {
                await aliases.SyncAsync(db, batch.Cast<Beneficiary>().ToList(), cancellationToken);
            }

            var changed = ChangedRows(db, batch);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed a row of this batch meanwhile, so their save indexed it: read the batch again.
                continue;
            }

            result += new ReIndexResult(batch.Count, changed);
            after = batch[^1].Id;
        }
    }

    /// <summary>
    /// Counts the rows to rewrite, and makes each one's save check its version even when only its
    /// alias rows change, so that a concurrent edit sends the batch round again instead of being undone.
    /// </summary>
    private static int ChangedRows<TEntity>(ApplicationDbContext db, List<TEntity> batch)
        where TEntity : class, IOrganisationOwned
    {
        var aliasOwners = db.ChangeTracker.Entries<AliasIndexEntry>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted).Select(e => e.Entity.BeneficiaryId).ToHashSet();
        var changed = 0;
        foreach (var row in batch)
        {
            var entry = db.Entry(row);
            if (entry.State == EntityState.Modified || aliasOwners.Contains(row.Id))
            {
                if (row is IVersioned)
                {
                    entry.Property(nameof(IVersioned.Version)).IsModified = true;
                }

                changed++;
            }
        }

        return changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-indexed {Rows} rows ({Changed} rewritten) across {Organisations} organisations")]
    private static partial void LogDone(ILogger logger, [NoDataClassification] int rows, [NoDataClassification] int changed, [NoDataClassification] int organisations);
}
