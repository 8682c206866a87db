namespace CaseManagement.Application.Referrals;

/// <summary>Whether the receiver may read what was shared, and if not, why.</summary>
public enum SharedAccess
{
    /// <summary>Pending: only the summary is shown until the referral is accepted.</summary>
    NotAccepted = 1,

    Readable = 2,

    /// <summary>The referral's key is destroyed (consent withdrawn, or the referral withdrawn, declined or expired).</summary>
    Destroyed = 3,
}
