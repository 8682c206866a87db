namespace CaseManagement.Domain.Referrals;

public enum ReferralUrgency
{
    /// <summary>Within the usual answer period.</summary>
    Routine = 1,

    /// <summary>Within days.</summary>
    Urgent = 2,

    /// <summary>The person is at risk now (no safe place tonight).</summary>
    Emergency = 3,
}
