using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.LegalCases;
using CaseManagement.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Retention;

/// <summary>
/// Anonymises one person, for the retention job and for an erasure on request alike: personal
/// fields blanked (blind indexes and pseudonym with them), notes deleted, what was shared through
/// referrals, either way, made unreadable. Statistical attributes, cases and service episodes
/// stay, so counts and frozen releases do not change; the audit trail names ids only.
/// </summary>
internal sealed class BeneficiaryErasure(IApplicationDbContext db, IBeneficiaryRecords records, ReferralEvents events, TimeProvider clock)
{
    /// <summary>A legal case not yet at final judgment keeps the person's file, as a placed hold does.</summary>
    public static IQueryable<Guid> HeldByLegalCases(IApplicationDbContext db) =>
        db.LegalCases.Where(l => l.Stage != LegalStage.FinalJudgment).Join(db.Cases, l => l.CaseId, c => c.Id, (_, c) => c.BeneficiaryId);

    public async Task EraseAsync(Beneficiary beneficiary, CancellationToken cancellationToken)
    {
        if (await HeldByLegalCases(db).AnyAsync(id => id == beneficiary.Id, cancellationToken))
        {
            throw DomainException.State("beneficiary.legal-hold", "An open legal case holds the person's data: it is kept while a legal case is before final judgment or in enforcement.");
        }

        if (await db.Cases.AnyAsync(c => c.BeneficiaryId == beneficiary.Id && c.Status != CaseStatus.Closed, cancellationToken))
        {
            // Erased while assisted, new notes and services would land on a record nothing could erase again.
            throw DomainException.State("beneficiary.open-case", "The person has an open case; close it before erasing their data.");
        }

        var now = clock.GetUtcNow();
        beneficiary.Anonymise(now);
        await records.EraseDependentsAsync(beneficiary.Id, cancellationToken);

        var cases = db.Cases.Where(c => c.BeneficiaryId == beneficiary.Id).Select(c => c.Id);
        var referrals = await db.Referrals.SentBy(beneficiary.OrganisationId).Where(r => cases.Contains(r.SenderCaseId)).ToListAsync(cancellationToken);
        // What other organisations shared about the person with this one: its copy goes the same way.
        var received = await db.Referrals
            .Where(r => r.RecipientOrganisationId == beneficiary.OrganisationId
                && (r.RecipientBeneficiaryId == beneficiary.Id || (r.RecipientCaseId != null && cases.Contains(r.RecipientCaseId.Value))))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var referral in received)
        {
            await db.DestroySharedKeyAsync(referral, now, cancellationToken);
        }

        foreach (var referral in referrals)
        {
            referral.CarryPlatformPseudonym(null);
            await db.DestroySharedKeyAsync(referral.Id, now, cancellationToken);
            if (!referral.ConsentWithdrawn)
            {
                referral.LoseConsent(now);
                await events.TellRecipientAsync(referral, NotificationKind.ReferralConsentWithdrawn, AuditActions.Withdraw, "Referral.Consent", cancellationToken);
            }
        }
    }
}
