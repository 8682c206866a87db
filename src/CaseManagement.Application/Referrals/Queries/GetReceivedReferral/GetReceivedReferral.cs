using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Referrals;
using Mediator;

namespace CaseManagement.Application.Referrals.Queries.GetReceivedReferral;

/// <summary>
/// One received referral. Its coordinators see the summary while it is pending; once accepted,
/// they and the organisation's social workers (who read all its beneficiaries) see the shared
/// items, while consent holds.
/// </summary>
[Audited(AuditActions.Read, "Referral.Received")]
[RequiresRole(Roles.Coordinator, Roles.SocialWorker)]
public sealed record GetReceivedReferralQuery(Guid ReferralId) : IQuery<ReceivedReferralDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ReferralId;
}

internal sealed class GetReceivedReferralHandler(IApplicationDbContext db, ICurrentUser user, IReferralSeal seal, IBlindIndexSearch index)
    : IQueryHandler<GetReceivedReferralQuery, ReceivedReferralDto>
{
    public async ValueTask<ReceivedReferralDto> Handle(GetReceivedReferralQuery query, CancellationToken cancellationToken)
    {
        var referral = await db.ReceivedAsync(user.RequireOrganisationId(), query.ReferralId, cancellationToken);
        if (!user.IsInRole(Roles.Coordinator) && referral.Status is not (ReferralStatus.Accepted or ReferralStatus.Completed))
        {
            // The inbox is the coordinators'; a social worker meets a referral through the case it opened.
            throw new NotFoundException(nameof(Referral), query.ReferralId);
        }

        return await db.LoadAsync(seal, index, referral, cancellationToken);
    }
}
