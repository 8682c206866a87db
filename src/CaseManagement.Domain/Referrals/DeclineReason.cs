namespace CaseManagement.Domain.Referrals;

/// <summary>Why the receiving organisation said no: a code, so that the answer carries no personal data.</summary>
public enum DeclineReason
{
    NoCapacity = 1,
    OutsideMandate = 2,
    NotEligible = 3,
    BeneficiaryUnreachable = 4,
    Other = 99,
}
