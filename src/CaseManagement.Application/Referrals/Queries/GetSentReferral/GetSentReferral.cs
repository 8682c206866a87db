using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Referrals.Queries.GetSentReferral;

[Audited(AuditActions.Read, "Referral.Sent")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record GetSentReferralQuery(Guid ReferralId) : IQuery<SentReferralDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ReferralId;
}

internal sealed class GetSentReferralHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetSentReferralQuery, SentReferralDto>
{
    public async ValueTask<SentReferralDto> Handle(GetSentReferralQuery query, CancellationToken cancellationToken)
    {
        var referral = await db.SentAsync(user.RequireOrganisationId(), query.ReferralId, cancellationToken);
        return await db.SentViewAsync(referral, cancellationToken);
    }
}
