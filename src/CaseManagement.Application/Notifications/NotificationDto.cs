using CaseManagement.Domain.Notifications;

namespace CaseManagement.Application.Notifications;

/// <summary>A reminder or a referral notice in someone's inbox: what it is about, by id and date only.</summary>
public sealed record NotificationDto(Guid Id, NotificationKind Kind, Guid? CaseId, Guid SubjectId, DateOnly DueOn, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationDto From(Notification n) => new(n.Id, n.Kind, n.CaseId, n.SubjectId, n.DueOn, n.CreatedAt, n.ReadAt);
}
