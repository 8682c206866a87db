using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Notifications.Commands.MarkNotificationRead;

/// <summary>Marks one of the caller's own reminders read; anyone else's is not found.</summary>
[RequiresSignedInUser]
public sealed record MarkNotificationReadCommand(Guid NotificationId) : ICommand<NotificationDto>;

internal sealed class MarkNotificationReadHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<MarkNotificationReadCommand, NotificationDto>
{
    public async ValueTask<NotificationDto> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var me = user.RequireUserId();
        var found = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.RecipientId == me, cancellationToken)
            ?? throw new NotFoundException(nameof(Notification), command.NotificationId);
        found.MarkRead(clock.GetUtcNow());
        return NotificationDto.From(found);
    }
}
