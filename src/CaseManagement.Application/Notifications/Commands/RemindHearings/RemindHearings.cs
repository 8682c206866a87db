using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Notifications.Commands.RemindHearings;

/// <summary>
/// Reminds the assigned lawyer and the case's assigned worker of each coming hearing, once for each
/// configured lead time (7 and 1 days by default). A hearing first seen inside several lead times
/// (added late, or the job was down) gets the reminder of the shortest one only. Dates are UTC dates.
/// System only: a job sends it, per organisation.
/// </summary>
public sealed record RemindHearingsCommand : ICommand<int>;

internal sealed class RemindHearingsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IOptions<ReminderOptions> options)
    : ICommandHandler<RemindHearingsCommand, int>
{
    public async ValueTask<int> Handle(RemindHearingsCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var now = clock.GetUtcNow();
        var today = CaseDates.Today(clock);
        var leadTimes = options.Value.HearingDays;
        var pending = await (
                from hearing in db.Hearings.AsNoTracking()
                join legal in db.LegalCases on hearing.LegalCaseId equals legal.Id
                join found in db.Cases on legal.CaseId equals found.Id
                where hearing.OutcomeRecordedAt == null
                select new { hearing.Id, hearing.ScheduledAt, legal.CaseId, legal.AssignedLawyerId, found.AssignedWorkerId })
            .ToListAsync(cancellationToken);

        var reminders = new List<Notification>();
        // Compared here, not in SQL: SQLite cannot compare date-times with offsets.
        foreach (var hearing in pending.Where(h => h.ScheduledAt > now))
        {
            var date = DateOnly.FromDateTime(hearing.ScheduledAt.UtcDateTime);
            var daysLeft = date.DayNumber - today.DayNumber;
            var leadTime = leadTimes.Where(d => d >= daysLeft).DefaultIfEmpty(-1).Min();
            if (leadTime < 0)
            {
                continue; // not yet inside any lead time
            }

            var key = $"{NotificationKind.HearingReminder}:{hearing.Id:N}:{leadTime}";
            foreach (var recipient in new[] { hearing.AssignedLawyerId, hearing.AssignedWorkerId }.OfType<Guid>().Distinct())
            {
                reminders.Add(new Notification(Guid.CreateVersion7(), organisation, recipient, NotificationKind.HearingReminder, key, hearing.CaseId, hearing.Id, date, now));
            }
        }

        return await db.AddMissingAsync(reminders, cancellationToken);
    }
}
