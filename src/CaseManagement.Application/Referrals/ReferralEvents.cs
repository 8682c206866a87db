using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Notifications;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals;

/// <summary>
/// Tells the other side of a referral what happened: a notice to its coordinators and an entry in
/// its own audit trail, appended with the command's own entry (<see cref="DeferredAuditEntries"/>).
/// The other side's entry names no user: the actor is another organisation's member of staff (or
/// the system, whose client id it names).
/// </summary>
internal sealed class ReferralEvents(IApplicationDbContext db, IIdentityAdministration identity, DeferredAuditEntries trail, ICurrentUser user, TimeProvider clock)
{
    // An organisation's coordinators, read once per command (the expiry scan tells many referrals' sides).
    private readonly Dictionary<Guid, IReadOnlyList<Guid>> _coordinators = [];

    public Task TellRecipientAsync(Referral referral, NotificationKind kind, string action, string entityType, CancellationToken cancellationToken, Guid? about = null) =>
        TellAsync(referral.RecipientOrganisationId, referral.RecipientCaseId, referral, kind, action, entityType, about, cancellationToken);

    public Task TellSenderAsync(Referral referral, NotificationKind kind, string action, CancellationToken cancellationToken, Guid? about = null) =>
        TellAsync(referral.SenderOrganisationId, referral.SenderCaseId, referral, kind, action, "Referral", about, cancellationToken);

    private async Task TellAsync(Guid organisationId, Guid? caseId, Referral referral, NotificationKind kind, string action, string entityType, Guid? about, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = about is { } subject ? $"{kind}:{referral.Id:N}:{subject:N}" : $"{kind}:{referral.Id:N}";
        if (!_coordinators.TryGetValue(organisationId, out var coordinators))
        {
            coordinators = [.. (await identity.ListUsersAsync(organisationId, cancellationToken)).Where(u => !u.Disabled && u.Roles.Contains(Roles.Coordinator)).Select(u => u.Id)];
            _coordinators[organisationId] = coordinators;
        }

        await db.AddMissingAsync(
            [.. coordinators.Select(c => new Notification(Guid.CreateVersion7(), organisationId, c, kind, key, caseId, referral.Id, CaseDates.Today(clock), now))],
            cancellationToken);
        trail.Add(new AuditRecord(organisationId, null, user.IsSystem ? user.ClientId : null, action, entityType, referral.Id, AuditOutcomes.Success));
    }
}
