using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Queries.GetReferralDashboard;

/// <summary>A referral waiting for an answer, oldest first; <paramref name="AgeDays"/> counts whole days since it was made.</summary>
public sealed record PendingReferral(Guid Id, Guid OrganisationId, ReferralUrgency Urgency, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int AgeDays);
