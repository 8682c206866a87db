namespace CaseManagement.Application.Referrals.Queries.ListReferralRecipients;

/// <summary>A member organisation, by its public name.</summary>
public sealed record ReferralRecipient(Guid Id, string Name);
