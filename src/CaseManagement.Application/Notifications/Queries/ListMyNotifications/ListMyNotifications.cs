using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Notifications.Queries.ListMyNotifications;

/// <summary>The caller's own reminders, newest first; <paramref name="UnreadOnly"/> leaves out those already read.</summary>
[RequiresSignedInUser]
public sealed record ListMyNotificationsQuery(bool UnreadOnly = false, int PageNumber = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Page<NotificationDto>>;

internal sealed class ListMyNotificationsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListMyNotificationsQuery, Page<NotificationDto>>
{
    public async ValueTask<Page<NotificationDto>> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var me = user.RequireUserId();
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me && (!query.UnreadOnly || n.ReadAt == null));
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(n => n.Id).PageOf(query.PageNumber, query.PageSize).ToListAsync(cancellationToken);
        return new Page<NotificationDto>([.. rows.Select(NotificationDto.From)], query.PageNumber, query.PageSize, total);
    }
}
