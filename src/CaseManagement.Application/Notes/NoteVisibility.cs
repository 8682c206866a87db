using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Notes;

/// <summary>Who reads a case's notes: the one rule for the notes list, counselling sessions and the timeline.</summary>
internal static class NoteVisibility
{
    /// <summary>
    /// The case's notes <paramref name="reader"/> may see: ordinary ones, their own, and every one for
    /// a designated counsellor. Filtered in the database, so other readers' restricted ciphertext is
    /// never even decrypted.
    /// </summary>
    public static IQueryable<CaseNote> NotesReadableBy(this IApplicationDbContext db, Guid caseId, Guid reader) =>
        db.CaseNotes.Where(n => n.CaseId == caseId && (n.Sensitivity == NoteSensitivity.Ordinary || n.AuthorId == reader
            || db.CaseCounsellors.Any(c => c.CaseId == caseId && c.UserId == reader)));
}
