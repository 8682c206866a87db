using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals;

/// <summary>
/// A referral as its receiver sees it: the non-identifying summary, and, once accepted and while
/// consent holds, exactly the shared items. Never the sender's case, consent or staff.
/// <paramref name="PossibleMatches"/> lists people already on the receiver's file who may be the
/// referred person (national id, or full name with date of birth, as shared), until linked.
/// </summary>
public sealed record ReceivedReferralDto(
    Guid Id,
    Guid SenderOrganisationId,
    IReadOnlyList<ServiceType> Services,
    ReferralUrgency Urgency,
    Sex Sex,
    AgeBand AgeBand,
    ReferralStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? CompletedAt,
    DeclineReason? DeclineReason,
    bool ConsentWithdrawn,
    Guid? BeneficiaryId,
    Guid? CaseId,
    SharedAccess SharedAccess,
    SharedRecord? Shared,
    IReadOnlyList<Guid> PossibleMatches,
    IReadOnlyList<ReferralUpdateDto> Updates)
{
    /// <summary>The inbox line: the summary only.</summary>
    public static ReceivedReferralDto Summary(Referral r, bool readable) => From(r, readable, null, []);

    public static ReceivedReferralDto From(Referral r, bool readable, SharedRecord? shared, IReadOnlyList<Guid> possibleMatches) => new(
        r.Id, r.SenderOrganisationId, r.Services, r.Urgency, r.Sex, r.AgeBand, r.Status, r.CreatedAt, r.ExpiresAt, r.AnsweredAt, r.CompletedAt,
        r.DeclineReason, r.ConsentWithdrawn, r.RecipientBeneficiaryId, r.RecipientCaseId,
        !readable ? SharedAccess.Destroyed : r.Status == ReferralStatus.Pending ? SharedAccess.NotAccepted : SharedAccess.Readable,
        shared, possibleMatches,
        ReferralUpdateDto.Of(r));
}
