using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Notifications;
using Mediator;

namespace CaseManagement.Application.Referrals.Commands.CompleteReferral;

/// <summary>The receiver has done what the referral asked for. Its case and the shared copy stay its record.</summary>
[Audited(AuditActions.Complete, "Referral")]
[RequiresRole(Roles.Coordinator)]
public sealed record CompleteReferralCommand(Guid ReferralId) : ICommand<ReceivedReferralDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ReferralId;
}

internal sealed class CompleteReferralHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, ReferralEvents events, IReferralSeal seal, IBlindIndexSearch index)
    : ICommandHandler<CompleteReferralCommand, ReceivedReferralDto>
{
    public async ValueTask<ReceivedReferralDto> Handle(CompleteReferralCommand command, CancellationToken cancellationToken)
    {
        var referral = await db.ReceivedAsync(user.RequireOrganisationId(), command.ReferralId, cancellationToken);
        referral.Complete(clock.GetUtcNow());
        await events.TellSenderAsync(referral, NotificationKind.ReferralCompleted, AuditActions.Complete, cancellationToken);
        return await db.LoadAsync(seal, index, referral, cancellationToken);
    }
}
