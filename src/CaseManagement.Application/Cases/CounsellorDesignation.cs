using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases;

/// <summary>
/// Who grants access to a case's restricted notes: its assigned worker, or the author of one of
/// them. Nobody else, and never to themselves (the assigned worker does not read restricted notes
/// by right either). Only the assigned worker and designated counsellors write restricted notes,
/// so authorship cannot be taken up by anyone to become a grantor.
/// </summary>
internal static class CounsellorDesignation
{
    public static async Task EnsureMayManageAsync(this IApplicationDbContext db, Case found, Guid caller, CancellationToken cancellationToken)
    {
        var may = found.AssignedWorkerId == caller
            || await db.CaseNotes.AnyAsync(n => n.CaseId == found.Id && n.AuthorId == caller && n.Sensitivity == NoteSensitivity.Restricted, cancellationToken);
        if (!may)
        {
            throw new ForbiddenException("Only the case's assigned worker, or the author of one of its restricted notes, manages its counsellors.");
        }
    }

    /// <summary>The case's assigned worker or one of its designated counsellors: those who write its restricted notes.</summary>
    public static async Task EnsureWorksCaseAsync(this IApplicationDbContext db, Case found, Guid caller, CancellationToken cancellationToken)
    {
        if (found.AssignedWorkerId != caller && !await db.CaseCounsellors.AnyAsync(c => c.CaseId == found.Id && c.UserId == caller, cancellationToken))
        {
            throw new ForbiddenException("Only the case's assigned worker and its designated counsellors write restricted notes.");
        }
    }
}
