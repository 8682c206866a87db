namespace CaseManagement.Application.Referrals.Queries.GetReferralDashboard;

/// <summary>Referrals one way: how many are in each status (by name), and those waiting for an answer.</summary>
public sealed record ReferralTraffic(IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<PendingReferral> Pending);
