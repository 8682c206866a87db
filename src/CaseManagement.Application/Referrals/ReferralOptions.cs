namespace CaseManagement.Application.Referrals;

/// <summary>Referrals between organisations (configuration section "Referrals").</summary>
public sealed class ReferralOptions
{
    public const string Section = "Referrals";

    /// <summary>How many days the receiver has to accept or decline before a pending referral expires.</summary>
    public int AnswerWithinDays { get; set; } = 14;
}
