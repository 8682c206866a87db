using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.LegalCases;
using CaseManagement.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Keeps <see cref="Case.LastActivityOn"/> on every save, so that no use case can forget it: a case
/// written, or any record that names a case (service, detail, note, legal case) or a legal case
/// (hearing, stage) added or changed by a person, makes today the case's last activity.
/// Reminders, privileged notes and the system's work (re-encryption, jobs) are not activity.
/// </summary>
internal static class CaseActivity
{
    private const string CaseIdProperty = "CaseId";
    private const string LegalCaseIdProperty = "LegalCaseId";

    public static async Task RecordAsync(ApplicationDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var touched = new HashSet<Guid>();
        var legalCases = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            // A lawyer's privileged note is not activity: its timing would reach the case's worker.
            if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Entity is Notification or PrivilegedNote)
            {
                continue;
            }

            if (entry.Entity is Case)
            {
                entry.Property(nameof(Case.LastActivityOn)).CurrentValue = today;
            }
            else if (entry.Entity is IOrganisationOwned && entry.Metadata.FindProperty(CaseIdProperty) is not null
                     && entry.Property(CaseIdProperty).CurrentValue is Guid caseId)
            {
                touched.Add(caseId);
            }
            else if (entry.Entity is IOrganisationOwned && entry.Metadata.FindProperty(LegalCaseIdProperty) is not null
                     && entry.Property(LegalCaseIdProperty).CurrentValue is Guid legalCaseId)
            {
                legalCases.Add(legalCaseId); // a hearing or stage change
            }
        }

        if (legalCases.Count > 0)
        {
            touched.UnionWith(await db.LegalCases.Where(l => legalCases.Contains(l.Id)).Select(l => l.CaseId).ToListAsync(cancellationToken));
        }

        // A set-based update, not the tracked case: a record added beside a case another request is
        // changing must not fail on the case's version.
        touched.ExceptWith(db.ChangeTracker.Entries<Case>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.Id));
        if (touched.Count > 0)
        {
            await db.Cases.Where(c => touched.Contains(c.Id) && c.LastActivityOn < today)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityOn, today), cancellationToken);
        }
    }
}
