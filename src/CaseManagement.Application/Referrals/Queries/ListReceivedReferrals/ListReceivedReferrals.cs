using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Referrals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Queries.ListReceivedReferrals;

/// <summary>The coordinators' inbox: referrals to the caller's organisation, newest first, as summaries only.</summary>
[Audited(AuditActions.List, "Referral.Received")]
[RequiresRole(Roles.Coordinator)]
public sealed record ListReceivedReferralsQuery(ReferralStatus? Status) : IQuery<IReadOnlyList<ReceivedReferralDto>>;

internal sealed class ListReceivedReferralsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListReceivedReferralsQuery, IReadOnlyList<ReceivedReferralDto>>
{
    public async ValueTask<IReadOnlyList<ReceivedReferralDto>> Handle(ListReceivedReferralsQuery query, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking().ReceivedBy(user.RequireOrganisationId()).Include(r => r.Updates)
            .Where(r => query.Status == null || r.Status == query.Status).ToListAsync(cancellationToken);
        var ids = referrals.Select(r => r.Id).ToList();
        var readable = (await db.ReferralShares.AsNoTracking().Where(s => ids.Contains(s.Id) && s.WrappedKey != null).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        return [.. referrals.OrderByDescending(r => r.CreatedAt).Select(r => ReceivedReferralDto.Summary(r, readable.Contains(r.Id)))];
    }
}
