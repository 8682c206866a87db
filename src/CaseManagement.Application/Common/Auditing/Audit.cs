namespace CaseManagement.Application.Common.Auditing;

public static class AuditActions
{
    public const string Read = nameof(Read);
    public const string List = nameof(List);
    public const string Search = nameof(Search);
    public const string Create = nameof(Create);
    public const string Update = nameof(Update);
    public const string Grant = nameof(Grant);
    public const string Revoke = nameof(Revoke);
    public const string SignIn = nameof(SignIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string Request = nameof(Request);

    // A referral's steps; the other side's trail gets the same action, with no user named.
    public const string Refer = nameof(Refer);
    public const string Accept = nameof(Accept);
    public const string Decline = nameof(Decline);
    public const string Withdraw = nameof(Withdraw);
    public const string Expire = nameof(Expire);
    public const string Complete = nameof(Complete);
    public const string PostUpdate = nameof(PostUpdate);
    public const string Link = nameof(Link);

    /// <summary>A statistics release frozen into the ledger; the entity id commits to its content (ReleaseFactory.IdOf).</summary>
    public const string Freeze = nameof(Freeze);

    /// <summary>A person's data erased on request; the entity type names the ground (<c>Beneficiary.ConsentWithdrawn</c>).</summary>
    public const string Erase = nameof(Erase);

    /// <summary>A person's data erased by the retention job, their retention period over.</summary>
    public const string Anonymise = nameof(Anonymise);

    /// <summary>Everything held on a person exported for a subject access request.</summary>
    public const string Export = nameof(Export);

    /// <summary>An invitation sent again, or an account reset to a new invitation.</summary>
    public const string Invite = nameof(Invite);

    /// <summary>A person chose their password and enrolled their authenticator through an invitation.</summary>
    public const string AcceptInvitation = nameof(AcceptInvitation);

    /// <summary>A self-service password change; <c>Denied</c> when the current password or code was wrong.</summary>
    public const string PasswordChanged = nameof(PasswordChanged);

    /// <summary>A new set of recovery codes; <c>Denied</c> when the password or code was wrong.</summary>
    public const string RecoveryCodesGenerated = nameof(RecoveryCodesGenerated);

    /// <summary>A recovery code spent instead of an authenticator code at sign-in.</summary>
    public const string RecoveryCodeRedeemed = nameof(RecoveryCodeRedeemed);

    /// <summary>A passkey registered as a second factor; the entity is the user, never the key. <c>Denied</c> when the step-up failed.</summary>
    public const string PasskeyAdded = nameof(PasskeyAdded);

    /// <summary>A passkey removed by its owner; <c>Denied</c> when the step-up failed.</summary>
    public const string PasskeyRemoved = nameof(PasskeyRemoved);
}

public static class AuditOutcomes
{
    public const string Success = nameof(Success);
    public const string Denied = nameof(Denied);
    public const string NotFound = nameof(NotFound);
    public const string Rejected = nameof(Rejected);
    public const string Failed = nameof(Failed);
}

/// <summary>What one audit entry says. Ids and names of types only: never a personal value.</summary>
public sealed record AuditRecord(Guid? OrganisationId, Guid? UserId, string? ClientId, string Action, string EntityType, Guid? EntityId, string Outcome);

/// <summary>
/// Marks a message whose every execution is audited, with the entity type it touches. The entity
/// id comes from <see cref="IAuditedEntity"/> on the message, or else on the result.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditedAttribute(string action, string entityType) : Attribute
{
    public string Action { get; } = action;

    public string EntityType { get; } = entityType;
}

/// <summary>The id of the record a message or a result is about, for the audit trail.</summary>
public interface IAuditedEntity
{
    Guid AuditedEntityId { get; }
}

/// <summary>A message whose entity type carries a qualifier known only from its content (an erasure's legal ground): ids and names of types only.</summary>
public interface IAuditedEntityType
{
    string AuditedEntityType { get; }
}

/// <summary>Appends to the tamper-evident audit trail.</summary>
public interface IAuditTrail
{
    /// <summary>Records an entry in a transaction of its own: reads, refusals, failed commands, sign-ins.</summary>
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Appends a command's entry inside the command's open transaction: both are committed, or neither.</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>True once this request has recorded an entry, so that the HTTP layer does not record its refusal twice.</summary>
    bool HasRecorded { get; }
}

/// <summary>The result of checking a chain: intact or not, where it first breaks, and its current head.</summary>
public sealed record AuditChainReport(bool Intact, int EntriesChecked, long? FirstBrokenSequence, string? Reason, long? HeadSequence, string? HeadHash);

/// <summary>Recomputes an organisation's chain from its first entry.</summary>
public interface IAuditChainVerifier
{
    Task<AuditChainReport> VerifyAsync(Guid organisationId, long? expectedHeadSequence, string? expectedHeadHash, CancellationToken cancellationToken);
}
