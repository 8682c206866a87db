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

internal sealed class ListOrganisationsHandler(IApplicationDbContext db, IIdentityAdministration identity)
    : IQueryHandler<ListOrganisationsQuery, IReadOnlyList<OrganisationSummary>>
{
    public async ValueTask<IReadOnlyList<OrganisationSummary>> Handle(ListOrganisationsQuery query, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationSummary(o.Id, o.Name, o.IsDisabled, o.CreatedAt, null, null)).ToListAsync(cancellationToken);

        // As ReinviteOrganisationAdminCommand decides: an organisation nobody has started has only the administrator
        // the platform made with it; once anyone there has taken up an account, the organisation invites its own.
        var pending = new Dictionary<Guid, StaffMember>();
        foreach (var admin in await identity.ListFirstAdministratorsAsync(cancellationToken))
        {
            pending.TryAdd(admin.OrganisationId!.Value, admin);
        }

        return [.. organisations.Select(o => pending.TryGetValue(o.Id, out var admin) ? o with { PendingAdminId = admin.Id, PendingAdminUserName = admin.UserName } : o)];
    }
}
