namespace CaseManagement.Domain.Referrals;

/// <summary>What the receiving organisation tells the sender about the person's progress: a fact with a date, nothing more.</summary>
public enum ReferralUpdateKind
{
    ServiceStarted = 1,
    ServiceEnded = 2,
    BeneficiaryLeft = 3,
}
