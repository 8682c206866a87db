using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Referrals;
using Mediator;

namespace CaseManagement.Application.Referrals.Commands.DeclineReferral;

/// <summary>The receiver says no, with a reason code; what was shared becomes unreadable.</summary>
[Audited(AuditActions.Decline, "Referral")]
[RequiresRole(Roles.Coordinator)]
public sealed record DeclineReferralCommand(Guid ReferralId, DeclineReason Reason) : ICommand<ReceivedReferralDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ReferralId;
}

internal sealed class DeclineReferralHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, ReferralEvents events)
    : ICommandHandler<DeclineReferralCommand, ReceivedReferralDto>
{
    public async ValueTask<ReceivedReferralDto> Handle(DeclineReferralCommand command, CancellationToken cancellationToken)
    {
        var referral = await db.ReceivedAsync(user.RequireOrganisationId(), command.ReferralId, cancellationToken);
        var now = clock.GetUtcNow();
        referral.Decline(now, command.Reason);
        await db.DestroySharedKeyAsync(referral.Id, now, cancellationToken);
        await events.TellSenderAsync(referral, NotificationKind.ReferralDeclined, AuditActions.Decline, cancellationToken);
        return ReceivedReferralDto.Summary(referral, readable: false);
    }
}
