using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Referrals;
using Mediator;

namespace CaseManagement.Application.Referrals.Commands.PostReferralUpdate;

/// <summary>
/// The receiver tells the sender how the person is getting on: a service started or ended, or the
/// person left. A kind, a service and a date: no new personal data crosses. The sender sees it on
/// its case's timeline.
/// </summary>
[Audited(AuditActions.PostUpdate, "Referral")]
[RequiresRole(Roles.Coordinator, Roles.SocialWorker)]
public sealed record PostReferralUpdateCommand(Guid ReferralId, ReferralUpdateKind Kind, ServiceType? Service, DateOnly On) : ICommand<ReferralUpdateDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ReferralId;
}

internal sealed class PostReferralUpdateHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, ReferralEvents events)
    : ICommandHandler<PostReferralUpdateCommand, ReferralUpdateDto>
{
    public async ValueTask<ReferralUpdateDto> Handle(PostReferralUpdateCommand command, CancellationToken cancellationToken)
    {
        var referral = await db.ReceivedAsync(user.RequireOrganisationId(), command.ReferralId, cancellationToken);
        var update = referral.PostUpdate(Guid.CreateVersion7(), command.Kind, command.Service, command.On, clock.GetUtcNow());
        db.ReferralUpdates.Add(update);
        await events.TellSenderAsync(referral, NotificationKind.ReferralUpdated, AuditActions.PostUpdate, cancellationToken, update.Id);
        return ReferralUpdateDto.From(update);
    }
}
