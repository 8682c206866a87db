using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using FluentValidation;
using Mediator;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Records every execution of an audited message, whatever its outcome: a read, a write, a
/// refusal. It sits outside authorization so that denied attempts are recorded too. A command's
/// success is recorded by <see cref="UnitOfWorkBehaviour{TMessage, TResponse}"/>, inside the
/// command's transaction; everything else here, in a transaction of its own.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(IAuditTrail trail, ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!AuditRecords<TMessage>.IsAudited)
        {
            return await next(message, cancellationToken);
        }

        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch (Exception ex)
        {
            await trail.RecordAsync(AuditRecords<TMessage>.For(message, null, user, Outcome(ex)), CancellationToken.None);
            throw;
        }

        if (message is not IBaseCommand)
        {
            await trail.RecordAsync(AuditRecords<TMessage>.For(message, response, user, AuditOutcomes.Success), CancellationToken.None);
        }

        return response;
    }

    private static string Outcome(Exception ex) => ex switch
    {
        ForbiddenException or UnauthorizedAccessException => AuditOutcomes.Denied,
        NotFoundException => AuditOutcomes.NotFound,
        ValidationException or ConflictException or UnprocessableException or Domain.Common.DomainException => AuditOutcomes.Rejected,
        _ => AuditOutcomes.Failed,
    };
}
