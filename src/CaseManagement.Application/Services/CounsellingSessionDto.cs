using CaseManagement.Domain.Services;

namespace CaseManagement.Application.Services;

/// <summary>
/// A session as one reader may see it: <see cref="Note"/> holds the restricted note only for its
/// author and the case's designated counsellors; others learn only that there is one.
/// </summary>
public sealed record CounsellingSessionDto(Guid Id, Guid EpisodeId, DateOnly Date, int DurationMinutes, Guid CounsellorId, bool HasNote, string? Note)
{
    internal static CounsellingSessionDto From(CounsellingSession s, string? visibleNote) =>
        new(s.Id, s.EpisodeId, s.Date, s.DurationMinutes, s.CounsellorId, s.NoteId is not null, visibleNote);
}
