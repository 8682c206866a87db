namespace CaseManagement.Domain.Referrals;

/// <summary>Pending → Accepted | Declined | Withdrawn | Expired; Accepted → Completed. Nothing else moves.</summary>
public enum ReferralStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    Withdrawn = 3,
    Expired = 4,
    Completed = 5,
}
