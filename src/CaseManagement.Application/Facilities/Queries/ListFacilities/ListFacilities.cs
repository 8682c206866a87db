using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Facilities.Queries.ListFacilities;

/// <summary>
/// The organisation's facilities with their addresses, for the coordinator who manages them; an organisation runs a
/// handful, so the list is not paged. A shelter's address is what a trafficker looks for: a social worker admits to a
/// facility by its name and free places (<c>GetOccupancyQuery</c>), and is given no address.
/// </summary>
[Audited(AuditActions.List, "Facility")]
[RequiresRole(Roles.Coordinator)]
public sealed record ListFacilitiesQuery : IQuery<IReadOnlyList<FacilityDto>>;

internal sealed class ListFacilitiesHandler(IApplicationDbContext db) : IQueryHandler<ListFacilitiesQuery, IReadOnlyList<FacilityDto>>
{
    public async ValueTask<IReadOnlyList<FacilityDto>> Handle(ListFacilitiesQuery query, CancellationToken cancellationToken)
    {
        var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return [.. facilities.Select(FacilityDto.From)];
    }
}
