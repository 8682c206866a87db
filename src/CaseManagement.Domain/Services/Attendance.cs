using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Services;

/// <summary>One day-centre activity a beneficiary attended on one date.</summary>
public sealed class Attendance : IOrganisationOwned
{
    private Attendance()
    {
    }

    public Attendance(Guid id, Case @case, Guid episodeId, DateOnly date, ActivityKind activity)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (!Enum.IsDefined(activity))
        {
            throw DomainException.Argument("attendance.activity", "Unknown activity.");
        }

        var episode = @case.DetailRecorded(episodeId, ServiceType.DayCentre);
        if (date < episode.StartDate)
        {
            throw DomainException.Argument("attendance.before-start", "An attendance cannot precede the start of its service.");
        }

        Id = id;
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        EpisodeId = episodeId;
        Date = date;
        Activity = activity;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public DateOnly Date { get; private set; }

    public ActivityKind Activity { get; private set; }
}
