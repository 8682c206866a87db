using CaseManagement.Domain.Activities;
using CaseManagement.Domain.Auditing;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Consents;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.LegalCases;
using CaseManagement.Domain.Facilities;
using CaseManagement.Domain.Organisations;
using CaseManagement.Domain.Services;
using CaseManagement.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// The use cases' view of the database. Rows are filtered to the current organisation and
/// personal data arrives decrypted; handlers never see ciphertext. Handlers do not save: the
/// unit-of-work behaviour saves once, after the handler succeeds.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<Organisation> Organisations { get; }

    DbSet<Beneficiary> Beneficiaries { get; }

    DbSet<Case> Cases { get; }

    DbSet<ServiceEpisode> ServiceEpisodes { get; }

    DbSet<CaseNote> CaseNotes { get; }

    DbSet<CaseCounsellor> CaseCounsellors { get; }

    DbSet<ReintegrationGoal> ReintegrationGoals { get; }

    DbSet<LabourStep> LabourSteps { get; }

    DbSet<FollowUp> FollowUps { get; }

    DbSet<CounsellingDetails> CounsellingDetails { get; }

    DbSet<CounsellingSession> CounsellingSessions { get; }
    DbSet<LegalCase> LegalCases { get; }

    DbSet<LegalStageChange> LegalStageChanges { get; }

    DbSet<Hearing> Hearings { get; }

    DbSet<PrivilegedNote> PrivilegedNotes { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Notification> Notifications { get; }
    DbSet<Facility> Facilities { get; }

    DbSet<Admission> Admissions { get; }

    DbSet<Attendance> Attendances { get; }

    DbSet<Repatriation> Repatriations { get; }

    DbSet<Consent> Consents { get; }

    DbSet<Referral> Referrals { get; }

    DbSet<ReferralUpdate> ReferralUpdates { get; }

    DbSet<SentReferral> SentReferrals { get; }

    DbSet<ReferralShare> ReferralShares { get; }

    DbSet<PreventionCampaign> PreventionCampaigns { get; }

    DbSet<TrainingSession> TrainingSessions { get; }

    /// <summary>The release ledger: platform-level, holding published counts only.</summary>
    DbSet<StatisticsRelease> StatisticsReleases { get; }

    /// <summary>
    /// Declares the version the caller last read. A mismatch now, or a concurrent write
    /// before the save, ends the command with a 409.
    /// </summary>
    void ExpectVersion<TEntity>(TEntity entity, int expectedVersion)
        where TEntity : class, IVersioned;
}
