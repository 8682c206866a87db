using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Referrals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Queries.GetReferralDashboard;

[Audited(AuditActions.Read, "Referral.Dashboard")]
[RequiresRole(Roles.Coordinator)]
public sealed record GetReferralDashboardQuery : IQuery<ReferralDashboard>;

internal sealed class GetReferralDashboardHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetReferralDashboardQuery, ReferralDashboard>
{
    public async ValueTask<ReferralDashboard> Handle(GetReferralDashboardQuery query, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var sent = await TrafficAsync(db.Referrals.AsNoTracking().SentBy(organisation), r => r.RecipientOrganisationId, cancellationToken);
        var received = await TrafficAsync(db.Referrals.AsNoTracking().ReceivedBy(organisation), r => r.SenderOrganisationId, cancellationToken);
        return new ReferralDashboard(sent, received);
    }

    private async Task<ReferralTraffic> TrafficAsync(IQueryable<Referral> referrals, Func<Referral, Guid> otherSide, CancellationToken cancellationToken)
    {
        var counts = await referrals.GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var pending = await referrals.Where(r => r.Status == ReferralStatus.Pending).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new ReferralTraffic(
            Enum.GetValues<ReferralStatus>().ToDictionary(s => s.ToString(), s => counts.SingleOrDefault(c => c.Status == s)?.Count ?? 0),
            [.. pending.OrderBy(r => r.CreatedAt).Select(r => new PendingReferral(r.Id, otherSide(r), r.Urgency, r.CreatedAt, r.ExpiresAt, (int)(now - r.CreatedAt).TotalDays))]);
    }
}
