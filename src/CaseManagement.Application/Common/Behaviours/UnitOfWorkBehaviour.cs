using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using Mediator;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Innermost behaviour for commands: one database transaction per command. Handlers only change
/// tracked entities (Identity saves its own, inside the same transaction); this saves them, appends
/// the command's audit entry and commits, all or nothing. On any failure the transaction is rolled
/// back and the pending changes are forgotten, so a failed command writes nothing.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork, IAuditTrail trail, ICurrentUser user)
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
            if (AuditRecords<TMessage>.IsAudited)
            {
                await trail.AppendAsync(AuditRecords<TMessage>.For(message, response, user, AuditOutcomes.Success), CancellationToken.None);
            }

            await unitOfWork.CommitAsync(CancellationToken.None);
            return response;
        }
        catch (Exception ex)
        {
            await unitOfWork.DiscardAsync();
            if (unitOfWork.AsConflict(ex) is { } conflict)
            {
                throw conflict;
            }

            throw;
        }
    }
}
