using CaseManagement.Domain.Services;

namespace CaseManagement.Application.Services;

public sealed record FollowUpDto(Guid Id, Guid EpisodeId, DateOnly DueOn, string? Purpose, DateOnly? DoneOn, string? Note)
{
    internal static FollowUpDto From(FollowUp f) => new(f.Id, f.EpisodeId, f.DueOn, f.Purpose, f.DoneOn, f.Note);
}
