using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals;

public sealed record ReferralUpdateDto(Guid Id, ReferralUpdateKind Kind, ServiceType? Service, DateOnly On, DateTimeOffset PostedAt)
{
    public static ReferralUpdateDto From(ReferralUpdate u) => new(u.Id, u.Kind, u.Service, u.On, u.PostedAt);

    /// <summary>A referral's updates in the order they happened.</summary>
    public static IReadOnlyList<ReferralUpdateDto> Of(Referral r) => [.. r.Updates.OrderBy(u => u.On).ThenBy(u => u.PostedAt).Select(From)];
}
