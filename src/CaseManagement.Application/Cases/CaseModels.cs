using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases;

public sealed record CaseDto(
    Guid Id,
    int Version,
    Guid BeneficiaryId,
    CaseStatus Status,
    Guid? AssignedWorkerId,
    DateOnly OpenedOn,
    DateOnly? ClosedOn,
    ClosureReason? ClosureReason,
    string? ClosureNote) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;

    internal static CaseDto From(Case c) =>
        new(c.Id, c.Version, c.BeneficiaryId, c.Status, c.AssignedWorkerId, c.OpenedOn, c.ClosedOn, c.ClosureReason, c.ClosureNote);

    /// <summary>What a reader may see: coordinators get the summary, without the free-text closure note.</summary>
    internal static CaseDto For(Case c, ICurrentUser reader) =>
        reader.IsInRole(Roles.SocialWorker) ? From(c) : From(c) with { ClosureNote = null };
}

internal static class CaseLookup
{
    /// <summary>
    /// Loads a case of the current organisation for change, checking the version the caller read.
    /// Its episodes come with their stays, which closing the case discharges.
    /// </summary>
    public static async Task<Case> LoadForChangeAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        var found = (await db.Cases.Include(c => c.Episodes).ThenInclude(e => e.Admissions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)).OwnedBy(user, id);
        db.ExpectVersion(found, expectedVersion);
        return found;
    }
}
