using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Retention;

public static class ErasedPeople
{
    /// <summary>An erased person takes no new case, note or consent: nothing could erase it again.</summary>
    public static async Task EnsureNotErasedAsync(this IApplicationDbContext db, Guid beneficiaryId, CancellationToken cancellationToken)
    {
        if (await db.Beneficiaries.AnyAsync(b => b.Id == beneficiaryId && b.AnonymisedAt != null, cancellationToken))
        {
            throw DomainException.State("beneficiary.anonymised", "The person's data was erased; the record only counts in statistics.");
        }
    }
}
