using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals;

/// <summary>A referral as its sender sees it: its own case, consent and reason, and where the receiver has got to.</summary>
public sealed record SentReferralDto(
    Guid Id,
    Guid RecipientOrganisationId,
    Guid CaseId,
    Guid ConsentId,
    IReadOnlyList<ServiceType> Services,
    ReferralUrgency Urgency,
    Sex Sex,
    AgeBand AgeBand,
    IReadOnlyList<ReferralData> Shared,
    string Reason,
    ReferralStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? CompletedAt,
    DeclineReason? DeclineReason,
    bool ConsentWithdrawn,
    IReadOnlyList<ReferralUpdateDto> Updates) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;

    public static SentReferralDto From(Referral r, SentReferral sent) => new(
        r.Id, r.RecipientOrganisationId, r.SenderCaseId, r.ConsentId, r.Services, r.Urgency, r.Sex, r.AgeBand, r.Shared.Items(), sent.Reason,
        r.Status, r.CreatedAt, r.ExpiresAt, r.AnsweredAt, r.CompletedAt, r.DeclineReason, r.ConsentWithdrawn,
        ReferralUpdateDto.Of(r));
}
