using CaseManagement.Domain.Services;

namespace CaseManagement.Application.Services;

public sealed record AttendanceDto(Guid Id, Guid EpisodeId, DateOnly Date, ActivityKind Activity)
{
    internal static AttendanceDto From(Attendance a) => new(a.Id, a.EpisodeId, a.Date, a.Activity);
}
