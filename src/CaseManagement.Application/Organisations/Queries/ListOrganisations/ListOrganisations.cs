using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Organisations.Queries.ListOrganisations;

/// <summary>The member organisations, by their public names, for the platform administrators; nothing of their records.</summary>
[Audited(AuditActions.List, "Organisation")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record ListOrganisationsQuery : IQuery<IReadOnlyList<OrganisationSummary>>;

internal sealed class ListOrganisationsHandler(IApplicationDbContext db) : IQueryHandler<ListOrganisationsQuery, IReadOnlyList<OrganisationSummary>>
{
    public async ValueTask<IReadOnlyList<OrganisationSummary>> Handle(ListOrganisationsQuery query, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationSummary(o.Id, o.Name, o.IsDisabled, o.CreatedAt)).ToListAsync(cancellationToken);
}
