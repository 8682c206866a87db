using CaseManagement.Domain.Cases;

namespace CaseManagement.Domain.Referrals;

/// <summary>Feedback from the receiver to the sender: a kind, a service and a date, never personal data.</summary>
public sealed class ReferralUpdate
{
    private ReferralUpdate()
    {
    }

    internal ReferralUpdate(Guid id, Guid referralId, ReferralUpdateKind kind, ServiceType? service, DateOnly on, DateTimeOffset postedAt)
    {
        Id = id;
        ReferralId = referralId;
        Kind = kind;
        Service = service;
        On = on;
        PostedAt = postedAt;
    }

    public Guid Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public ReferralUpdateKind Kind { get; private set; }

    public ServiceType? Service { get; private set; }

    public DateOnly On { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }
}
