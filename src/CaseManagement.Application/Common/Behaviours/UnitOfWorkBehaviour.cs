using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using Mediator;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Innermost behaviour for commands: one database transaction per command. Handlers only change
/// tracked entities (Identity saves its own, inside the same transaction); this saves them, appends
/// the command's audit entry (and any it wrote for other organisations) and commits, all or nothing. On any failure the transaction is rolled
/// back and the pending changes are forgotten, so a failed command writes nothing.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork, IAuditTrail trail, ICurrentUser user, DeferredAuditEntries others)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            await unitOfWork.SaveAsync(cancellationToken);
            // From here on the client's going away changes nothing: a commit is not left half-known.
            var own = AuditRecords<TMessage>.IsAudited ? AuditRecords<TMessage>.For(message, response, user, AuditOutcomes.Success) : null;
            foreach (var record in others.TakeWith(own))
            {
                await trail.AppendAsync(record, CancellationToken.None);
            }

            await unitOfWork.CommitAsync(CancellationToken.None);
            return response;
        }
        catch (Exception ex)
        {
            others.Clear();
            await unitOfWork.DiscardAsync();
            if (unitOfWork.AsConflict(ex) is { } conflict)
            {
                throw conflict;
            }

            throw;
        }
    }
}
