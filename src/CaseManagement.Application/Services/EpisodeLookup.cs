using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services;

internal static class EpisodeLookup
{
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

    /// <summary>For reads: the episode exists in the case (else 404) and is of <paramref name="type"/> (else 409).</summary>
    public static async Task EnsureEpisodeAsync(this IApplicationDbContext db, Guid caseId, Guid episodeId, ServiceType type, CancellationToken cancellationToken)
    {
        var episodeType = await db.ServiceEpisodes.Where(e => e.Id == episodeId && e.CaseId == caseId)
            .Select(e => (ServiceType?)e.Type).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(nameof(ServiceEpisode), episodeId);
        if (episodeType != type)
        {
            throw DomainException.State("service.wrong-type", "The service episode is of another type.");
        }
    }
}
