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
}
