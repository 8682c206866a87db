namespace CaseManagement.Domain.Auditing;

/// <summary>
/// One link of an organisation's audit chain: who did what to which record, when, and how it
/// ended. Never the personal data itself. <see cref="Hash"/> covers this entry's content and the
/// previous entry's hash, so an edited, removed, inserted or reordered entry breaks the chain.
/// </summary>
public sealed class AuditEntry : Common.IOrganisationOwned
{
    /// <summary>The chain of platform-level events (sign-ins of platform staff, anonymous refusals).</summary>
    public static readonly Guid PlatformChain = Guid.Empty;

    /// <summary>Room for a type name, or for a refused request's method and route template.</summary>
    public const int MaxEntityTypeLength = 200;

    private AuditEntry()
    {
        Action = string.Empty;
        EntityType = string.Empty;
        Outcome = string.Empty;
        PreviousHash = [];
        Hash = [];
    }

    public AuditEntry(Guid id, Guid organisationId, long sequence, DateTimeOffset occurredAt, Guid? userId, string? clientId,
        string action, string entityType, Guid? entityId, string outcome, byte[] previousHash, byte[] hash)
    {
        Id = id;
        OrganisationId = organisationId;
        Sequence = sequence;
        OccurredAt = occurredAt;
        UserId = userId;
        ClientId = clientId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Outcome = outcome;
        PreviousHash = previousHash;
        Hash = hash;
    }

    public Guid Id { get; private set; }

    /// <summary>The organisation whose chain this is; <see cref="PlatformChain"/> for platform events.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>1, 2, 3… within the organisation's chain, without gaps.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public Guid? UserId { get; private set; }

    /// <summary>The machine client, for client-credentials calls.</summary>
    public string? ClientId { get; private set; }

    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public Guid? EntityId { get; private set; }

    public string Outcome { get; private set; }

    public byte[] PreviousHash { get; private set; }

    public byte[] Hash { get; private set; }
}
