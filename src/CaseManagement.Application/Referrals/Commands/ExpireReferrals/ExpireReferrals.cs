using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Referrals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Commands.ExpireReferrals;

/// <summary>
/// Expires every pending referral whose answer period has run out, across the platform: the shared
/// copy becomes unreadable, and both sides are told and audited. System only: a recurring job sends
/// it, and a rerun finds nothing left to expire.
/// </summary>
public sealed record ExpireReferralsCommand : ICommand<int>;

internal sealed class ExpireReferralsHandler(IApplicationDbContext db, TimeProvider clock, ReferralEvents events) : ICommandHandler<ExpireReferralsCommand, int>
{
    public async ValueTask<int> Handle(ExpireReferralsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Compared here, not in SQL: SQLite cannot order date-times with offsets. Pending referrals are few.
        var pending = await db.Referrals.Where(r => r.Status == ReferralStatus.Pending).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var due = pending.Where(r => r.ExpiresAt <= now).ToList();
        foreach (var referral in due)
        {
            referral.Expire(now);
            await db.DestroySharedKeyAsync(referral.Id, now, cancellationToken);
            await events.TellSenderAsync(referral, NotificationKind.ReferralExpired, AuditActions.Expire, cancellationToken);
            await events.TellRecipientAsync(referral, NotificationKind.ReferralExpired, AuditActions.Expire, "Referral", cancellationToken);
        }

        return due.Count;
    }
}
