using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.Auditing;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Telemetry;

namespace CaseManagement.Infrastructure.Auditing;

/// <summary>
/// Appends to an organisation's chain inside a transaction: a command's entry inside the command's own
/// transaction, so that the change and its entry are committed together; any other entry (a read, a
/// refusal, a failure, a sign-in) through the group commit of <see cref="AuditAppender"/>.
/// </summary>
public sealed class AuditTrail(ApplicationDbContext db, AuditAppender appender, AuditChainGates gates, AuditChainKey key, TimeProvider clock) : IAuditTrail
{
    public bool HasRecorded { get; private set; }

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await appender.AppendAsync(record).WaitAsync(cancellationToken);
        HasRecorded = true;
    }

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A command's audit entry is appended inside the command's transaction.");
        var chain = record.OrganisationId ?? AuditEntry.PlatformChain;
        try
        {
            await db.EnterAuditChainAsync(chain, gates, cancellationToken);
            await AuditChainWriter.AppendAsync(db, transaction, chain, [record], key, clock, cancellationToken);
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
}
