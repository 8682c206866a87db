using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Notifications.Commands.RemindFollowUps;

/// <summary>
/// Reminds a case's assigned worker of each reintegration follow-up that is due and not done,
/// once per follow-up. A follow-up of an ended service can no longer be done, so it reminds nobody.
/// System only: a job sends it, per organisation.
/// </summary>
public sealed record RemindFollowUpsCommand : ICommand<int>;

internal sealed class RemindFollowUpsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RemindFollowUpsCommand, int>
{
    public async ValueTask<int> Handle(RemindFollowUpsCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var today = CaseDates.Today(clock);
        var due = await (
                from followUp in db.FollowUps.AsNoTracking()
                join episode in db.ServiceEpisodes on followUp.EpisodeId equals episode.Id
                join found in db.Cases on followUp.CaseId equals found.Id
                where followUp.DoneOn == null && followUp.DueOn <= today && episode.Status == EpisodeStatus.Ongoing && found.AssignedWorkerId != null
                select new { followUp.Id, followUp.CaseId, followUp.DueOn, Worker = found.AssignedWorkerId!.Value })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.AddMissingAsync(
            [.. due.Select(f => new Notification(Guid.CreateVersion7(), organisation, f.Worker, NotificationKind.FollowUpDue,
                $"{NotificationKind.FollowUpDue}:{f.Id:N}", f.CaseId, f.Id, f.DueOn, now))],
            cancellationToken);
    }
}
