using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.LegalCases;

/// <summary>The victim's civil claim: amounts claimed, awarded and paid, in one currency.</summary>
public sealed record CivilClaim(decimal? AmountClaimed, decimal? AmountAwarded, decimal? AmountPaid, string? Currency)
{
    public static CivilClaim None { get; } = new(null, null, null, null);

    internal void EnsureValid()
    {
        if (AmountClaimed < 0 || AmountAwarded < 0 || AmountPaid < 0)
        {
            throw DomainException.Argument("legal.claim-negative", "Amounts of a civil claim cannot be negative.");
        }

        if ((AmountClaimed ?? AmountAwarded ?? AmountPaid) is not null && string.IsNullOrEmpty(Currency))
        {
            throw DomainException.Argument("legal.claim-currency", "Amounts of a civil claim need a currency.");
        }

        if (AmountPaid > AmountAwarded)
        {
            throw DomainException.Argument("legal.claim-paid", "More cannot be paid than was awarded.");
        }
    }
}
