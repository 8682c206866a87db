using System.Reflection;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using FluentValidation;
using Mediator;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Records every execution of an audited message, whatever its outcome: a read, a write, a
/// refusal. It sits outside authorization so that denied attempts are recorded too.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(IAuditTrail trail, ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly AuditedAttribute? Audited = typeof(TMessage).GetCustomAttribute<AuditedAttribute>();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Audited is null || user.IsSystem)
        {
            return await next(message, cancellationToken);
        }

        var entityId = (message as IAuditedEntity)?.AuditedEntityId;
        try
        {
            var response = await next(message, cancellationToken);
            await RecordAsync(entityId ?? (response as IAuditedEntity)?.AuditedEntityId, AuditOutcomes.Success);
            return response;
        }
        catch (Exception ex)
        {
            await RecordAsync(entityId, ex switch
            {
                ForbiddenException or UnauthorizedAccessException => AuditOutcomes.Denied,
                NotFoundException => AuditOutcomes.NotFound,
                ValidationException or ConflictException or Domain.Common.DomainException => AuditOutcomes.Rejected,
                _ => AuditOutcomes.Failed,
            });
            throw;
        }
    }

    private Task RecordAsync(Guid? entityId, string outcome) =>
        trail.RecordAsync(new AuditRecord(user.OrganisationId, user.UserId, user.ClientId, Audited!.Action, Audited.EntityType, entityId, outcome), CancellationToken.None);
}
