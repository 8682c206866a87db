namespace CaseManagement.Domain.Referrals;

/// <summary>
/// The personal data items a referral may carry to the receiving organisation, and a consent may
/// cover. Sex, age band, needs and urgency are not items: they are the non-identifying summary
/// every referral carries.
/// </summary>
[Flags]
public enum ReferralData
{
    None = 0,

    /// <summary>The first alias, or else the first given name: the minimum, always shared.</summary>
    FirstNameOrAlias = 1,
    FullName = 2,
    NationalId = 4,
    DateOfBirth = 8,

    /// <summary>Phone and address.</summary>
    Contact = 16,
    Citizenship = 32,

    /// <summary>The beneficiary record's notes.</summary>
    Notes = 64,
}

public static class ReferralDataExtensions
{
    /// <summary>What a referral shares when the sender chooses nothing more.</summary>
    public const ReferralData Minimum = ReferralData.FirstNameOrAlias;

    public static IReadOnlyList<ReferralData> Items(this ReferralData data) =>
        [.. Enum.GetValues<ReferralData>().Where(d => d != ReferralData.None && data.HasFlag(d))];

    public static ReferralData Combine(this IEnumerable<ReferralData> items) => items.Aggregate(ReferralData.None, (all, one) => all | one);
}
