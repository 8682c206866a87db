using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Consents;
using CaseManagement.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Consents;

internal static class ConsentRules
{
    /// <summary>The beneficiary must be the caller's (the query filter sees to it), and a named recipient another member organisation.</summary>
    public static async Task EnsureValidAsync(this IApplicationDbContext db, Guid organisationId, Guid beneficiaryId, ConsentTerms terms, CancellationToken cancellationToken)
    {
        if (!await db.Beneficiaries.AnyAsync(b => b.Id == beneficiaryId, cancellationToken))
        {
            throw new NotFoundException(nameof(Beneficiary), beneficiaryId);
        }

        await db.EnsureNotErasedAsync(beneficiaryId, cancellationToken);

        if (terms.RecipientOrganisationId is { } recipient)
        {
            if (recipient == organisationId)
            {
                throw Domain.Common.DomainException.Argument("consent.self", "A referral consent names another organisation.");
            }

            if (!await db.Organisations.AnyAsync(o => o.Id == recipient, cancellationToken))
            {
                throw new NotFoundException(nameof(Organisation), recipient);
            }
        }
    }

    /// <summary>The current version of a consent of this beneficiary, or "not found".</summary>
    public static async Task<Consent> CurrentConsentAsync(this IApplicationDbContext db, Guid beneficiaryId, Guid consentId, CancellationToken cancellationToken) =>
        await db.Consents.SingleOrDefaultAsync(c => c.ConsentId == consentId && c.BeneficiaryId == beneficiaryId && c.IsCurrent, cancellationToken)
        ?? throw new NotFoundException(nameof(Consent), consentId);
}
