using CaseManagement.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Facilities;

internal static class FacilityResidents
{
    /// <summary>The stays in a facility without a discharge: the places taken now.</summary>
    public static Task<int> CurrentResidentsAsync(this IApplicationDbContext db, Guid facilityId, CancellationToken cancellationToken) =>
        db.Admissions.CountAsync(a => a.FacilityId == facilityId && a.DischargedOn == null, cancellationToken);
}
