using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals;

/// <summary>
/// The referral workflow table is read by both sides, so no tenant filter guards it: every query
/// starts from one of these, which keep an organisation to its own side of each referral.
/// </summary>
internal static class ReferralQueries
{
    public static IQueryable<Referral> SentBy(this IQueryable<Referral> referrals, Guid organisationId) =>
        referrals.Where(r => r.SenderOrganisationId == organisationId);

    public static IQueryable<Referral> ReceivedBy(this IQueryable<Referral> referrals, Guid organisationId) =>
        referrals.Where(r => r.RecipientOrganisationId == organisationId);

    /// <summary>
    /// The referrals whose shared copy still lives under a consent: pending, accepted or completed,
    /// and not yet cut off. Declined, withdrawn and expired ones lost their copy already.
    /// </summary>
    public static IQueryable<Referral> RelyingOn(this IQueryable<Referral> referrals, Guid consentId) =>
        referrals.Where(r => r.ConsentId == consentId && !r.ConsentWithdrawn
            && (r.Status == ReferralStatus.Pending || r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Completed));

    public static async Task<Referral> SentAsync(this IApplicationDbContext db, Guid organisationId, Guid id, CancellationToken cancellationToken) =>
        await db.Referrals.SentBy(organisationId).Include(r => r.Updates).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Referral), id);

    public static async Task<Referral> ReceivedAsync(this IApplicationDbContext db, Guid organisationId, Guid id, CancellationToken cancellationToken) =>
        await db.Referrals.ReceivedBy(organisationId).Include(r => r.Updates).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Referral), id);

    /// <summary>The sender's view of one of its referrals, with the reason from its own row.</summary>
    public static async Task<SentReferralDto> SentViewAsync(this IApplicationDbContext db, Referral referral, CancellationToken cancellationToken) =>
        SentReferralDto.From(referral, await db.SentReferrals.AsNoTracking().SingleAsync(s => s.Id == referral.Id, cancellationToken));

    /// <summary>
    /// Forgets the referral's key, whichever side asks. The share belongs to the receiver, so the
    /// tenant filter is lifted for this one row, by its id; nothing is read from it.
    /// </summary>
    public static async Task DestroySharedKeyAsync(this IApplicationDbContext db, Guid referralId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var share = await db.ReferralShares.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.Id == referralId, cancellationToken);
        share?.DestroyKey(at);
    }
}
