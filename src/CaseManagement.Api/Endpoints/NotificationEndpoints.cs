using CaseManagement.Application.Cases.Queries.GetMyCaseload;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Notifications.Commands.MarkNotificationRead;
using CaseManagement.Application.Notifications.Queries.ListMyNotifications;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class NotificationEndpoints
{
    /// <summary>The caller's own reminders (hearings, follow-ups, case reviews) and caseload, by id and date only.</summary>
    public static RouteGroupBuilder MapMyNotifications(this RouteGroupBuilder me)
    {
        var inbox = me.MapGroup("/notifications").WithTags("Notifications");
        inbox.MapGet("/", async (ISender sender, CancellationToken ct, bool unreadOnly = false, int page = 1, int pageSize = Paging.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListMyNotificationsQuery(unreadOnly, page, pageSize), ct)))
            .WithName("ListMyNotifications")
            .WithSummary("The caller's reminders, newest first.");
        inbox.MapPost("/{notificationId:guid}/read", async (Guid notificationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkNotificationReadCommand(notificationId), ct)))
            .WithName("MarkNotificationRead")
            .WithSummary("Marks one of the caller's reminders read.");
        me.MapGet("/caseload", async (ISender sender, CancellationToken ct, int days = GetMyCaseloadQuery.DefaultDays) =>
                TypedResults.Ok(await sender.Send(new GetMyCaseloadQuery(days), ct)))
            .WithTags("Caseload")
            .WithName("GetMyCaseload")
            .WithSummary("The caller's open cases and legal cases, hearings in the next days, overdue follow-ups and quiet cases (social workers and lawyers).");
        return me;
    }
}
