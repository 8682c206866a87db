using System.Reflection;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Organisations;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Compliance.Classification;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// Key rotation's second half: rewrites rows still sealed under an older data key, in batches,
/// while the system runs. Each batch is its own short transaction; saving a loaded row is enough,
/// because the save step re-seals any row whose key is not the newest.
/// </summary>
public sealed partial class ReEncryptionService(IServiceScopeFactory scopes, KeyRing keys, ReferralSeal seal, ILogger<ReEncryptionService> logger)
{
    public const int DefaultBatchSize = 200;

    /// <summary>One rewrite per entity type declaring [PersonalData], found by reflection so a new one is never missed.</summary>
    private static readonly Lazy<Func<ReEncryptionService, Guid, int, CancellationToken, Task<int>>[]> Rewrites = new(() =>
    [
        .. typeof(Organisation).Assembly.GetTypes()
            .Where(t => t.IsClass && PersonalDataModel.For(t) is not null)
            .Select(t => typeof(ReEncryptionService).GetMethod(nameof(RewriteAsync), BindingFlags.Instance | BindingFlags.NonPublic)!.MakeGenericMethod(t))
            .Select(m => (Func<ReEncryptionService, Guid, int, CancellationToken, Task<int>>)((service, organisation, batch, ct) =>
                (Task<int>)m.Invoke(service, [organisation, batch, ct])!)),
    ]);

    /// <summary>Rewrites stale rows of every organisation; returns how many rows were rewritten.</summary>
    public async Task<int> RunAsync(int batchSize = DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        List<Guid> organisations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            organisations = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>()
                .Organisations.Select(o => o.Id).ToListAsync(cancellationToken);
        }

        var total = 0;
        foreach (var organisation in organisations)
        {
            foreach (var rewrite in Rewrites.Value)
            {
                total += await rewrite(this, organisation, batchSize, cancellationToken);
            }

            total += await RewrapSharesAsync(organisation, batchSize, cancellationToken);
        }

        LogDone(logger, total, organisations.Count);
        return total;
    }

    private async Task<int> RewriteAsync<TEntity>(Guid organisationId, int batchSize, CancellationToken cancellationToken)
        where TEntity : class, IOrganisationOwned
    {
        var active = keys.Active(organisationId).Version;
        var rewritten = 0;
        Guid? previousFirst = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            // Jobs have no user, so the tenant filter is lifted and the organisation named explicitly.
            var batch = await db.Set<TEntity>().IgnoreQueryFilters()
                .Where(e => e.OrganisationId == organisationId && EF.Property<int>(e, PersonalDataModel.KeyVersionProperty) < active)
                .OrderBy(e => e.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return rewritten;
            }

            if (batch[0].Id == previousFirst)
            {
                throw new InvalidOperationException($"Re-encryption of {typeof(TEntity).Name} made no progress.");
            }

            previousFirst = batch[0].Id;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A user changed a row of this batch meanwhile (and so re-sealed it): load the batch again.
                previousFirst = null;
                continue;
            }

            rewritten += batch.Count;
        }
    }

    /// <summary>
    /// Wraps the keys of the referral copies this organisation received again under its newest key.
    /// Each update holds only while the key is still there and still under the version read: a
    /// consent withdrawn meanwhile destroyed it, and no rewrap may bring it back.
    /// </summary>
    private async Task<int> RewrapSharesAsync(Guid organisationId, int batchSize, CancellationToken cancellationToken)
    {
        var active = keys.Active(organisationId).Version;
        var rewrapped = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var shares = db.ReferralShares.IgnoreQueryFilters();
            var batch = await shares.AsNoTracking()
                .Where(s => s.OrganisationId == organisationId && s.WrappedKey != null && s.WrappingKeyVersion < active)
                .OrderBy(s => s.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return rewrapped;
            }

            // Each row leaves the filter: rewrapped, or destroyed or rewrapped by someone else meanwhile.
            foreach (var share in batch)
            {
                if (seal.Rewrap(share) is { } rewrap)
                {
                    rewrapped += await shares
                        .Where(s => s.Id == share.Id && s.WrappedKey != null && s.WrappingKeyVersion == share.WrappingKeyVersion)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.WrappedKey, rewrap.WrappedKey).SetProperty(x => x.WrappingKeyVersion, rewrap.Version), cancellationToken);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypted {Rows} rows across {Organisations} organisations")]
    private static partial void LogDone(ILogger logger, [NoDataClassification] int rows, [NoDataClassification] int organisations);
}
