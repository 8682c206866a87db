using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Notifications.Commands.RemindCaseReviews;

/// <summary>
/// Asks the assigned worker of every open case without activity for the review period to review
/// it; once per quiet spell (a new activity starts a new one). System only: a job sends it, per organisation.
/// </summary>
public sealed record RemindCaseReviewsCommand : ICommand<int>;

internal sealed class RemindCaseReviewsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IOptions<ReminderOptions> options)
    : ICommandHandler<RemindCaseReviewsCommand, int>
{
    public async ValueTask<int> Handle(RemindCaseReviewsCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var quietSince = CaseDates.Today(clock).AddDays(-options.Value.CaseReviewAfterDays);
        var quiet = await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Closed && c.AssignedWorkerId != null && c.LastActivityOn <= quietSince)
            .Select(c => new { c.Id, Worker = c.AssignedWorkerId!.Value, c.LastActivityOn })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.AddMissingAsync(
            [.. quiet.Select(c => new Notification(Guid.CreateVersion7(), organisation, c.Worker, NotificationKind.CaseReview,
                $"{NotificationKind.CaseReview}:{c.Id:N}:{c.LastActivityOn:yyyyMMdd}", c.Id, c.Id, c.LastActivityOn, now))],
            cancellationToken);
    }
}
