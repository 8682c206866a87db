using CaseManagement.Application.Beneficiaries;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals;

/// <summary>The receiver's full view of one referral: the shared record only once accepted, and only while its key lives.</summary>
internal static class ReceivedReferralView
{
    public static async Task<ReceivedReferralDto> LoadAsync(
        this IApplicationDbContext db, IReferralSeal seal, IBlindIndexSearch index, Referral referral, CancellationToken cancellationToken)
    {
        var share = await db.ReferralShares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == referral.Id, cancellationToken);
        var readable = share is { IsReadable: true };
        if (!readable || referral.Status is not (ReferralStatus.Accepted or ReferralStatus.Completed))
        {
            return ReceivedReferralDto.Summary(referral, readable);
        }

        var shared = seal.Open(share!);
        List<Guid> matches = [];
        if (shared is not null && referral.RecipientBeneficiaryCreated)
        {
            var found = await BeneficiaryDuplicates.FindAsync(db, index, shared.NationalId, shared.FullName, shared.DateOfBirth, cancellationToken);
            matches = [.. found.Select(b => b.Id).Where(id => id != referral.RecipientBeneficiaryId)];
        }

        return ReceivedReferralDto.From(referral, shared is not null, shared, matches);
    }
}
