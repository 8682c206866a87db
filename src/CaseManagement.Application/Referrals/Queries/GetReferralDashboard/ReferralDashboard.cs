namespace CaseManagement.Application.Referrals.Queries.GetReferralDashboard;

/// <summary>The coordinators' view of referral traffic, both ways: counts by status, and what still waits for an answer.</summary>
public sealed record ReferralDashboard(ReferralTraffic Sent, ReferralTraffic Received);
