using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Services;

/// <summary>
/// One counselling session. Its note is a restricted <see cref="CaseNote"/>, so the rules on who
/// writes and reads restricted notes apply to it unchanged; the session only points to it.
/// </summary>
public sealed class CounsellingSession : IOrganisationOwned
{
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 480;

    private CounsellingSession()
    {
    }

    public CounsellingSession(Guid id, ServiceEpisode episode, DateOnly date, int durationMinutes, Guid counsellorId, CaseNote? note)
    {
        ArgumentNullException.ThrowIfNull(episode);
        episode.EnsureTakesDetails(ServiceType.Counselling);
        if (durationMinutes is < MinDurationMinutes or > MaxDurationMinutes || counsellorId == Guid.Empty)
        {
            throw DomainException.Argument("session.duration", "A session lasts 5 to 480 minutes and names its counsellor.");
        }

        if (date < episode.StartDate)
        {
            throw DomainException.Argument("session.before-episode", "A session cannot precede the service.");
        }

        if (note is not null && (note.Sensitivity != NoteSensitivity.Restricted || note.CaseId != episode.CaseId))
        {
            throw DomainException.Argument("session.note", "A session's note is a restricted note of the same case.");
        }

        Id = id;
        OrganisationId = episode.OrganisationId;
        CaseId = episode.CaseId;
        EpisodeId = episode.Id;
        Date = date;
        DurationMinutes = durationMinutes;
        CounsellorId = counsellorId;
        NoteId = note?.Id;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public DateOnly Date { get; private set; }

    public int DurationMinutes { get; private set; }

    public Guid CounsellorId { get; private set; }

    public Guid? NoteId { get; private set; }
}
