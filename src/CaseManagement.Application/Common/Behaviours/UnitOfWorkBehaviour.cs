using CaseManagement.Application.Common.Interfaces;
using Mediator;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Innermost behaviour for commands: one unit of work per command. Handlers only change tracked
/// entities; this saves them once, atomically, after the handler succeeds. If anything fails the
/// pending changes are discarded, so a failed command writes nothing.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            var response = await next(message, cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            return response;
        }
        catch
        {
            unitOfWork.Discard();
            throw;
        }
    }
}
