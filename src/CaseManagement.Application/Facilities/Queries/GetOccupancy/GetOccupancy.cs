using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Facilities.Queries.GetOccupancy;

/// <summary>Places, occupied and free per facility: counted in the database, naming no resident.</summary>
[Audited(AuditActions.List, "Facility")]
[RequiresRole(Roles.Coordinator, Roles.SocialWorker)]
public sealed record GetOccupancyQuery : IQuery<IReadOnlyList<FacilityOccupancyDto>>;

internal sealed class GetOccupancyHandler(IApplicationDbContext db) : IQueryHandler<GetOccupancyQuery, IReadOnlyList<FacilityOccupancyDto>>
{
    public async ValueTask<IReadOnlyList<FacilityOccupancyDto>> Handle(GetOccupancyQuery query, CancellationToken cancellationToken)
    {
        var occupied = await db.Admissions.Where(a => a.DischargedOn == null)
            .GroupBy(a => a.FacilityId).Select(g => new { FacilityId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.FacilityId, g => g.Count, cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return [.. facilities.Select(f =>
        {
            var taken = occupied.GetValueOrDefault(f.Id);
            return new FacilityOccupancyDto(f.Id, f.Name, f.Active, f.Places, taken, Math.Max(0, f.Places - taken));
        })];
    }
}
