using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Notifications;

/// <summary>Adds reminders that do not exist yet: a scan that runs twice, or on two servers at once, adds each once.</summary>
internal static class NotificationInbox
{
    public static async Task<int> AddMissingAsync(this IApplicationDbContext db, IReadOnlyCollection<Notification> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        var keys = candidates.Select(c => c.Key).Distinct().ToList();
        var existing = (await db.Notifications.Where(n => keys.Contains(n.Key)).Select(n => new { n.RecipientId, n.Key }).ToListAsync(cancellationToken))
            .Select(n => (n.RecipientId, n.Key)).ToHashSet();
        var added = candidates.DistinctBy(c => (c.RecipientId, c.Key)).Where(c => !existing.Contains((c.RecipientId, c.Key))).ToList();
        db.Notifications.AddRange(added);
        return added.Count;
    }
}
