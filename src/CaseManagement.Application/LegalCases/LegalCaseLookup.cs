using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.LegalCases;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.LegalCases;

internal static class LegalCaseLookup
{
    /// <summary>A legal case of the current organisation with its stage history, tracked for change.</summary>
    public static async Task<LegalCase> LegalCaseAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken) =>
        (await db.LegalCases.Include(l => l.StageChanges).SingleOrDefaultAsync(l => l.Id == id, cancellationToken)).OwnedBy(user, id);

    /// <summary>Fails with 404 unless the legal case exists in the current organisation.</summary>
    public static async Task EnsureLegalCaseAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.LegalCases.AnyAsync(l => l.Id == id, cancellationToken))
        {
            throw new NotFoundException(nameof(LegalCase), id);
        }
    }

    /// <summary>The case's episode to link, or none; an episode unknown, or of another case, is "not found".</summary>
    public static async Task<ServiceEpisode?> EpisodeAsync(this IApplicationDbContext db, Guid caseId, Guid? episodeId, CancellationToken cancellationToken) =>
        episodeId is { } id
            ? await db.ServiceEpisodes.SingleOrDefaultAsync(e => e.Id == id && e.CaseId == caseId, cancellationToken) ?? throw new NotFoundException(nameof(ServiceEpisode), id)
            : null;

    /// <summary>
    /// Each legal case's next hearing: the earliest one after <paramref name="now"/> without an
    /// outcome. Only clear columns are read, and times are compared here, not in SQL (SQLite cannot).
    /// </summary>
    public static async Task<Dictionary<Guid, DateTimeOffset>> NextHearingsAsync(this IApplicationDbContext db, IReadOnlyCollection<Guid> legalCaseIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await db.Hearings.AsNoTracking()
            .Where(h => legalCaseIds.Contains(h.LegalCaseId) && h.OutcomeRecordedAt == null)
            .Select(h => new { h.LegalCaseId, h.ScheduledAt })
            .ToListAsync(cancellationToken);
        return pending.Where(h => h.ScheduledAt > now)
            .GroupBy(h => h.LegalCaseId)
            .ToDictionary(g => g.Key, g => g.Min(h => h.ScheduledAt));
    }

    public static async Task<LegalCaseDto> DtoAsync(this IApplicationDbContext db, LegalCase legalCase, TimeProvider clock, CancellationToken cancellationToken)
    {
        var next = await db.NextHearingsAsync([legalCase.Id], clock.GetUtcNow(), cancellationToken);
        return LegalCaseDto.From(legalCase, next.TryGetValue(legalCase.Id, out var at) ? at : null);
    }
}
