using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services;

internal static class ServiceDetails
{
    /// <summary>
    /// The case's episode that details of <paramref name="type"/> hang off: unknown, or another
    /// organisation's, is 404; an episode of another type is 409.
    /// </summary>
    public static async Task<ServiceEpisode> EpisodeAsync(this IApplicationDbContext db, ICurrentUser user, Guid caseId, Guid episodeId, ServiceType type, CancellationToken cancellationToken)
    {
        var episode = (await db.ServiceEpisodes.SingleOrDefaultAsync(e => e.Id == episodeId && e.CaseId == caseId, cancellationToken)).OwnedBy(user, episodeId);
        episode.EnsureType(type);
        return episode;
    }

    /// <summary>
    /// For a change to a detail: the episode must be ongoing, the case open, and the case's version
    /// moves, so that the change and a concurrent end of the service or closure cannot both succeed.
    /// </summary>
    public static async Task<ServiceEpisode> EpisodeForChangeAsync(this IApplicationDbContext db, ICurrentUser user, Guid caseId, Guid episodeId, ServiceType type, CancellationToken cancellationToken) =>
        (await db.LoadForDetailAsync(user, caseId, episodeId, cancellationToken)).DetailRecorded(episodeId, type);

    /// <summary>
    /// Loads a case of the current organisation with its episodes and their stays, for a change to
    /// one of them; an episode of another case is not found.
    /// </summary>
    public static async Task<Case> LoadForDetailAsync(this IApplicationDbContext db, ICurrentUser user, Guid caseId, Guid episodeId, CancellationToken cancellationToken)
    {
        var found = (await db.Cases.Include(c => c.Episodes).ThenInclude(e => e.Admissions)
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)).OwnedBy(user, caseId);
        return found.Episodes.Any(e => e.Id == episodeId) ? found : throw new NotFoundException(nameof(ServiceEpisode), episodeId);
    }
}
