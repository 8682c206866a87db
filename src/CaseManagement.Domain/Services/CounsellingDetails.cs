using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Services;

/// <summary>The kind of a counselling episode: one row per episode, set before its first session.</summary>
public sealed class CounsellingDetails : IOrganisationOwned
{
    private CounsellingDetails()
    {
    }

    public CounsellingDetails(Guid id, ServiceEpisode episode, CounsellingKind kind)
    {
        ArgumentNullException.ThrowIfNull(episode);
        Id = id;
        OrganisationId = episode.OrganisationId;
        CaseId = episode.CaseId;
        EpisodeId = episode.Id;
        SetKind(episode, kind);
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public CounsellingKind Kind { get; private set; }

    /// <summary>Sets or corrects the kind while the episode is ongoing.</summary>
    public void SetKind(ServiceEpisode episode, CounsellingKind kind)
    {
        ArgumentNullException.ThrowIfNull(episode);
        if (!Enum.IsDefined(kind))
        {
            throw DomainException.Argument("counselling.kind", "Unknown counselling kind.");
        }

        episode.EnsureTakesDetails(ServiceType.Counselling);
        Kind = kind;
    }
}
