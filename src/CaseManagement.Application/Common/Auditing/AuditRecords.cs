using System.Reflection;
using CaseManagement.Application.Common.Interfaces;

namespace CaseManagement.Application.Common.Auditing;

/// <summary>What the audit trail says of one execution of <typeparamref name="TMessage"/>, or nothing when it is not audited.</summary>
internal static class AuditRecords<TMessage>
{
    private static readonly AuditedAttribute? Audited = typeof(TMessage).GetCustomAttribute<AuditedAttribute>();

    public static bool IsAudited => Audited is not null;

    /// <summary>The entity id comes from the message, or else from the result (a new record's id).</summary>
    public static AuditRecord For(TMessage message, object? response, ICurrentUser user, string outcome) =>
        new(user.OrganisationId, user.UserId, user.ClientId, Audited!.Action, (message as IAuditedEntityType)?.AuditedEntityType ?? Audited.EntityType,
            (message as IAuditedEntity)?.AuditedEntityId ?? (response as IAuditedEntity)?.AuditedEntityId, outcome);
}
