using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Cases;

/// <summary>A member of staff designated to read a case's restricted notes (e.g. the psychotherapist).</summary>
public sealed class CaseCounsellor : IOrganisationOwned
{
    private CaseCounsellor()
    {
    }

    public CaseCounsellor(Guid id, Case @case, Guid userId, DateTimeOffset designatedAt)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (userId == Guid.Empty)
        {
            throw DomainException.Argument("case.counsellor", "A counsellor is a member of staff.");
        }

        Id = id;
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        UserId = userId;
        DesignatedAt = designatedAt;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset DesignatedAt { get; private set; }
}
