using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Queries.ListReferralRecipients;

/// <summary>The member organisations a referral or a referral consent can name: every enabled one but the caller's.</summary>
[Audited(AuditActions.List, "Referral.Recipients")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record ListReferralRecipientsQuery : IQuery<IReadOnlyList<ReferralRecipient>>;

internal sealed class ListReferralRecipientsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListReferralRecipientsQuery, IReadOnlyList<ReferralRecipient>>
{
    public async ValueTask<IReadOnlyList<ReferralRecipient>> Handle(ListReferralRecipientsQuery query, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        return await db.Organisations.AsNoTracking().Where(o => !o.IsDisabled && o.Id != organisation)
            .OrderBy(o => o.Name).Select(o => new ReferralRecipient(o.Id, o.Name)).ToListAsync(cancellationToken);
    }
}
