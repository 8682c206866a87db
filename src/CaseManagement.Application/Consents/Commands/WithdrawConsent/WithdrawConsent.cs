using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Consents.Commands.WithdrawConsent;

/// <summary>
/// The person takes their consent back. Every referral made under it loses its shared data at
/// once: the referral's key is destroyed, so the receiver's copy cannot be opened again, on any
/// replica. A pending referral is withdrawn; an accepted one stays the receiver's case, without
/// the copied fields. The receiver's coordinators are told, and both audit trails say so.
/// </summary>
[Audited(AuditActions.Withdraw, "Consent")]
[RequiresRole(Roles.SocialWorker)]
public sealed record WithdrawConsentCommand(Guid BeneficiaryId, Guid ConsentId, int Number, DateOnly WithdrawnOn) : ICommand<ConsentDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ConsentId;
}

internal sealed class WithdrawConsentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, ReferralEvents events)
    : ICommandHandler<WithdrawConsentCommand, ConsentDto>
{
    public async ValueTask<ConsentDto> Handle(WithdrawConsentCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var current = await db.CurrentConsentAsync(command.BeneficiaryId, command.ConsentId, cancellationToken);
        if (current.Number != command.Number)
        {
            throw ConflictException.StaleVersion();
        }

        var now = clock.GetUtcNow();
        var next = current.Withdraw(Guid.CreateVersion7(), command.WithdrawnOn, now, user.RequireUserId());
        db.Consents.Add(next);

        var referrals = await db.Referrals.SentBy(organisation).RelyingOn(command.ConsentId).ToListAsync(cancellationToken);
        foreach (var referral in referrals)
        {
            referral.LoseConsent(now);
            await db.DestroySharedKeyAsync(referral.Id, now, cancellationToken);
            await events.TellRecipientAsync(referral, NotificationKind.ReferralConsentWithdrawn, AuditActions.Withdraw, "Referral.Consent", cancellationToken);
        }

        return ConsentDto.From(next);
    }
}
