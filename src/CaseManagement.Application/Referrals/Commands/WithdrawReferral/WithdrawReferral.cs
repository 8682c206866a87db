using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Notifications;
using Mediator;

namespace CaseManagement.Application.Referrals.Commands.WithdrawReferral;

/// <summary>The sender takes back a pending referral; the receiver's sealed copy becomes unreadable.</summary>
[Audited(AuditActions.Withdraw, "Referral")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record WithdrawReferralCommand(Guid ReferralId) : ICommand<SentReferralDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ReferralId;
}

internal sealed class WithdrawReferralHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, ReferralEvents events)
    : ICommandHandler<WithdrawReferralCommand, SentReferralDto>
{
    public async ValueTask<SentReferralDto> Handle(WithdrawReferralCommand command, CancellationToken cancellationToken)
    {
        var referral = await db.SentAsync(user.RequireOrganisationId(), command.ReferralId, cancellationToken);
        var now = clock.GetUtcNow();
        referral.Withdraw(now);
        await db.DestroySharedKeyAsync(referral.Id, now, cancellationToken);
        await events.TellRecipientAsync(referral, NotificationKind.ReferralWithdrawn, AuditActions.Withdraw, "Referral", cancellationToken);
        return await db.SentViewAsync(referral, cancellationToken);
    }
}
