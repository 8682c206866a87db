using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Referrals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Queries.ListSentReferrals;

/// <summary>The referrals the caller's organisation sent, newest first, optionally of one status.</summary>
[Audited(AuditActions.List, "Referral.Sent")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record ListSentReferralsQuery(ReferralStatus? Status) : IQuery<IReadOnlyList<SentReferralDto>>;

internal sealed class ListSentReferralsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListSentReferralsQuery, IReadOnlyList<SentReferralDto>>
{
    public async ValueTask<IReadOnlyList<SentReferralDto>> Handle(ListSentReferralsQuery query, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking().SentBy(user.RequireOrganisationId()).Include(r => r.Updates)
            .Where(r => query.Status == null || r.Status == query.Status).ToListAsync(cancellationToken);
        var ids = referrals.Select(r => r.Id).ToList();
        var sent = await db.SentReferrals.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return [.. referrals.OrderByDescending(r => r.CreatedAt).Select(r => SentReferralDto.From(r, sent[r.Id]))];
    }
}
