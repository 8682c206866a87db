using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Seals what a referral shares for its receiver, and opens it again. Each referral gets a data key
/// of its own, wrapped by the receiver's organisation key; the sealed copy is bound to that
/// referral and organisation, so it cannot be moved to another row.
/// </summary>
public interface IReferralSeal
{
    /// <summary>A new key for the referral, and the record sealed under it.</summary>
    ReferralShare Seal(Guid referralId, Guid recipientOrganisationId, SharedRecord record);

    /// <summary>The shared record, or null once the referral's key is destroyed.</summary>
    SharedRecord? Open(ReferralShare share);
}
