using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Notifications;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Cases.Queries.GetMyCaseload;

/// <summary>
/// The caller's caseload: cases assigned to them (a social worker) and legal cases assigned to them
/// (a lawyer), with hearings in the next <paramref name="Days"/> days, overdue follow-ups and cases
/// without activity for the review period. Ids and dates only, so nothing is decrypted.
/// </summary>
[RequiresRole(Roles.SocialWorker, Roles.Lawyer)]
public sealed record GetMyCaseloadQuery(int Days = GetMyCaseloadQuery.DefaultDays) : IQuery<MyCaseload>
{
    public const int DefaultDays = 14;
    public const int MaxDays = 366;
}

internal sealed class GetMyCaseloadHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IOptions<ReminderOptions> reminders)
    : IQueryHandler<GetMyCaseloadQuery, MyCaseload>
{
    public async ValueTask<MyCaseload> Handle(GetMyCaseloadQuery query, CancellationToken cancellationToken)
    {
        var me = user.RequireUserId();
        var today = CaseDates.Today(clock);
        var cases = user.IsInRole(Roles.SocialWorker)
            ? await db.Cases.AsNoTracking()
                .Where(c => c.AssignedWorkerId == me && c.Status != CaseStatus.Closed)
                .OrderBy(c => c.LastActivityOn)
                .Select(c => new CaseloadCase(c.Id, c.Status, c.OpenedOn, c.LastActivityOn))
                .ToListAsync(cancellationToken)
            : [];
        var caseIds = cases.Select(c => c.Id).ToList();

        var overdue = await (
                from followUp in db.FollowUps.AsNoTracking()
                join episode in db.ServiceEpisodes on followUp.EpisodeId equals episode.Id
                where caseIds.Contains(followUp.CaseId) && followUp.DoneOn == null && followUp.DueOn < today && episode.Status == EpisodeStatus.Ongoing
                orderby followUp.DueOn
                select new CaseloadFollowUp(followUp.Id, followUp.CaseId, followUp.EpisodeId, followUp.DueOn))
            .ToListAsync(cancellationToken);

        var quietSince = today.AddDays(-reminders.Value.CaseReviewAfterDays);
        return new MyCaseload(cases, await HearingsAsync(me, caseIds, today.AddDays(query.Days), cancellationToken), overdue,
            [.. cases.Where(c => c.LastActivityOn <= quietSince)]);
    }

    /// <summary>Hearings without an outcome until <paramref name="until"/>: on the lawyer's legal cases, all with their time; on the worker's cases, the next of each legal case by date.</summary>
    private async Task<List<CaseloadHearing>> HearingsAsync(Guid me, List<Guid> myCases, DateOnly until, CancellationToken cancellationToken)
    {
        var lawyer = user.IsInRole(Roles.Lawyer);
        var pending = await (
                from hearing in db.Hearings.AsNoTracking()
                join legal in db.LegalCases on hearing.LegalCaseId equals legal.Id
                where hearing.OutcomeRecordedAt == null && ((lawyer && legal.AssignedLawyerId == me) || myCases.Contains(legal.CaseId))
                select new { legal.CaseId, hearing.LegalCaseId, hearing.Id, hearing.ScheduledAt, Mine = lawyer && legal.AssignedLawyerId == me })
            .ToListAsync(cancellationToken);
        // Compared here, not in SQL: SQLite cannot compare date-times with offsets.
        var now = clock.GetUtcNow();
        var coming = pending.Where(h => h.ScheduledAt > now).ToList();
        // The worker reads only each legal case's next hearing; the lawyer reads them all.
        var next = coming.GroupBy(h => h.LegalCaseId).Select(g => g.MinBy(h => h.ScheduledAt)!.Id).ToHashSet();
        return [.. coming
            .Where(h => (h.Mine || next.Contains(h.Id)) && DateOnly.FromDateTime(h.ScheduledAt.UtcDateTime) <= until)
            .OrderBy(h => h.ScheduledAt)
            .Select(h => new CaseloadHearing(h.CaseId, h.LegalCaseId, h.Id, DateOnly.FromDateTime(h.ScheduledAt.UtcDateTime), h.Mine ? h.ScheduledAt : null))];
    }
}
