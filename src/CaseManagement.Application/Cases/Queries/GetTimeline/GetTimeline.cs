using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Notes;
using CaseManagement.Application.Referrals;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Queries.GetTimeline;

/// <summary>
/// A case's life in order, newest first: opening and closure, services started and ended, notes
/// (restricted ones only for their readers), and its legal cases as the legal rules allow: the
/// assigned worker sees stage changes and the next hearing's date; a lawyer sees every hearing's
/// time, never where or why (that is in the legal case itself). Referrals made from the case show
/// with their answers and the receiver's updates, which carry no personal data.
/// </summary>
[Audited(AuditActions.Read, "Case.Timeline")]
[RequiresRole(Roles.SocialWorker)]
public sealed record GetTimelineQuery(Guid CaseId) : IQuery<IReadOnlyList<TimelineEntry>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class GetTimelineHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetTimelineQuery, IReadOnlyList<TimelineEntry>>
{
    public async ValueTask<IReadOnlyList<TimelineEntry>> Handle(GetTimelineQuery query, CancellationToken cancellationToken)
    {
        var found = (await db.Cases.AsNoTracking().Include(c => c.Episodes).SingleOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken))
            .OwnedBy(user, query.CaseId);
        var reader = user.RequireUserId();
        List<TimelineEntry> entries = [new(found.OpenedOn, null, TimelineEntryKind.CaseOpened, found.Id, null, null)];
        if (found.ClosedOn is { } closedOn)
        {
            entries.Add(new(closedOn, null, TimelineEntryKind.CaseClosed, found.Id, found.ClosureReason?.ToString(), null));
        }

        foreach (var episode in found.Episodes)
        {
            entries.Add(new(episode.StartDate, null, TimelineEntryKind.ServiceStarted, episode.Id, episode.Type.ToString(), null));
            if (episode.EndDate is { } endDate)
            {
                entries.Add(new(endDate, null, TimelineEntryKind.ServiceEnded, episode.Id, episode.Type.ToString(), null));
            }
        }

        var notes = await db.NotesReadableBy(found.Id, reader).AsNoTracking()
            .ToListAsync(cancellationToken);
        entries.AddRange(notes.Select(n => new TimelineEntry(DateOnly.FromDateTime(n.WrittenAt.UtcDateTime), n.WrittenAt, TimelineEntryKind.Note, n.Id, n.Sensitivity.ToString(), n.Content)));

        await AddLegalAsync(entries, found, reader, cancellationToken);
        await AddReferralsAsync(entries, found, cancellationToken);
        return [.. entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.At).ThenByDescending(e => e.Kind)];
    }

    /// <summary>Referrals made from this case, with what the receiver answered and posted; or the referral this case was opened on.</summary>
    private async Task AddReferralsAsync(List<TimelineEntry> entries, Case found, CancellationToken cancellationToken)
    {
        var sent = await db.Referrals.AsNoTracking().SentBy(found.OrganisationId).Include(r => r.Updates)
            .Where(r => r.SenderCaseId == found.Id).ToListAsync(cancellationToken);
        foreach (var referral in sent)
        {
            entries.Add(new(DateOnly.FromDateTime(referral.CreatedAt.UtcDateTime), referral.CreatedAt, TimelineEntryKind.ReferralSent, referral.Id, referral.Status.ToString(), null));
            if (referral.AnsweredAt is { } answered)
            {
                var status = referral.Status == ReferralStatus.Completed ? ReferralStatus.Accepted : referral.Status;
                entries.Add(new(DateOnly.FromDateTime(answered.UtcDateTime), answered, TimelineEntryKind.ReferralStatusChanged, referral.Id, status.ToString(), null));
            }

            if (referral.CompletedAt is { } completed)
            {
                entries.Add(new(DateOnly.FromDateTime(completed.UtcDateTime), completed, TimelineEntryKind.ReferralStatusChanged, referral.Id, nameof(ReferralStatus.Completed), null));
            }

            entries.AddRange(referral.Updates.Select(u => new TimelineEntry(u.On, null, TimelineEntryKind.ReferralUpdate, referral.Id,
                u.Service is { } service ? $"{u.Kind}:{service}" : u.Kind.ToString(), null)));
        }

        var received = await db.Referrals.AsNoTracking().ReceivedBy(found.OrganisationId)
            .Where(r => r.RecipientCaseId == found.Id).Select(r => new { r.Id, r.AnsweredAt }).ToListAsync(cancellationToken);
        entries.AddRange(received.Select(r => new TimelineEntry(DateOnly.FromDateTime(r.AnsweredAt!.Value.UtcDateTime), r.AnsweredAt, TimelineEntryKind.ReferralAccepted, r.Id, null, null)));
    }

    private async Task AddLegalAsync(List<TimelineEntry> entries, Case found, Guid reader, CancellationToken cancellationToken)
    {
        var lawyer = user.IsInRole(Roles.Lawyer);
        if (!lawyer && found.AssignedWorkerId != reader)
        {
            return;
        }

        var legalCases = db.LegalCases.AsNoTracking().Where(l => l.CaseId == found.Id).Select(l => l.Id);
        entries.AddRange(await db.LegalStageChanges.AsNoTracking()
            .Where(s => legalCases.Contains(s.LegalCaseId))
            .Select(s => new TimelineEntry(s.Date, null, TimelineEntryKind.LegalStageChanged, s.LegalCaseId, s.Stage.ToString(), null))
            .ToListAsync(cancellationToken));

        var hearings = await db.Hearings.AsNoTracking()
            .Where(h => legalCases.Contains(h.LegalCaseId))
            .Select(h => new { h.Id, h.LegalCaseId, h.ScheduledAt, Pending = h.OutcomeRecordedAt == null })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var shown = lawyer
            ? hearings
            : [.. hearings.Where(h => h.Pending && h.ScheduledAt > now).GroupBy(h => h.LegalCaseId).Select(g => g.MinBy(h => h.ScheduledAt)!)];
        entries.AddRange(shown.Select(h => new TimelineEntry(DateOnly.FromDateTime(h.ScheduledAt.UtcDateTime), lawyer ? h.ScheduledAt : null, TimelineEntryKind.Hearing, h.Id, null, null)));
    }
}
