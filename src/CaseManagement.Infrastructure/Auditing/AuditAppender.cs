using System.Threading.Channels;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.Auditing;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Infrastructure.Auditing;

/// <summary>
/// Group commit for the entries that need a transaction of their own (reads, refusals, sign-ins): one
/// loop takes every entry waiting, appends them in one transaction (one head update and one insert per
/// chain), commits, and only then lets each request go on. Under load, one commit and one head-row lock
/// serve many requests instead of one each; each request still answers only once its entry is durable.
/// A failed batch fails every request in it.
/// </summary>
public sealed class AuditAppender : IAsyncDisposable, IDisposable
{
    /// <summary>Enough to absorb a burst, few enough for one insert statement and a short lock.</summary>
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly AuditChainKey _key;
    private readonly TimeProvider _clock;
    private readonly Task _loop;

    public AuditAppender(IServiceScopeFactory scopes, AuditChainKey key, TimeProvider clock)
    {
        _scopes = scopes;
        _key = key;
        _clock = clock;
        // Not in the first caller's execution context: its request (HttpContext, current user) must not leak into the loop.
        if (ExecutionContext.IsFlowSuppressed())
        {
            _loop = Task.Run(RunAsync);
        }
        else
        {
            using (ExecutionContext.SuppressFlow())
            {
                _loop = Task.Run(RunAsync);
            }
        }
    }

    /// <summary>Completes when the entry is committed; fails with the batch's error otherwise.</summary>
    public Task AppendAsync(AuditRecord record)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit trail is closed: the host is stopping.");
        }

        return pending.Committed.Task;
    }

    /// <summary>
    /// Ends the loop once the queue is empty. The server has drained its requests by then; an entry queued during
    /// the container's disposal fails (its scope cannot be created), and its request with it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    /// <summary>For a container disposed synchronously (a maintenance verb's).</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            Exception? failure = null;
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            // Nothing below may throw out of the loop: a dead loop would leave every later request waiting forever.
            foreach (var pending in batch)
            {
                if (failure is null)
                {
                    pending.Committed.TrySetResult();
                }
                else
                {
                    pending.Committed.TrySetException(new AuditAppendFailedException(failure));
                }

                try
                {
                    InfrastructureMetrics.AuditAppended(pending.Record.Action, pending.Record.Outcome, "own", failure);
                }
                catch (Exception)
                {
                    // A metrics listener's fault is not the audit's.
                }
            }

            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Chains in one order everywhere (as DeferredAuditEntries orders a command's), so two batches never deadlock.
        foreach (var chain in batch.GroupBy(p => p.Record.OrganisationId ?? AuditEntry.PlatformChain).OrderBy(g => g.Key))
        {
            await AuditChainWriter.AppendAsync(db, transaction, chain.Key, [.. chain.Select(p => p.Record)], _key, _clock, CancellationToken.None);
        }

        await transaction.CommitAsync();
    }

    private sealed record Pending(AuditRecord Record, TaskCompletionSource Committed);
}
