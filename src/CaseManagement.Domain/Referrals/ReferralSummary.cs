using CaseManagement.Domain.Beneficiaries;

namespace CaseManagement.Domain.Referrals;

/// <summary>What the receiving organisation sees before it accepts: coarse enough not to identify anyone.</summary>
public sealed record ReferralSummary(int ServicesMask, ReferralUrgency Urgency, Sex Sex, AgeBand AgeBand);
