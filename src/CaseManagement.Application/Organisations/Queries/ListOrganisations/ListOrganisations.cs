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

        // As ReinviteOrganisationAdminCommand decides: an administrator who never accepted. One reset by their
        // organisation since (an accepted invitation, the password cleared) is the organisation's to invite again.
        var pending = new Dictionary<Guid, StaffMember>();
        foreach (var member in await identity.ListAwaitingPasswordAsync(cancellationToken))
        {
            if (member is { OrganisationId: { } organisation } && member.Roles.Contains(Roles.OrganisationAdmin)
                && !pending.ContainsKey(organisation) && !await identity.HasAcceptedInvitationAsync(member.Id, cancellationToken))
            {
                pending[organisation] = member;
            }
        }

        return [.. organisations.Select(o => pending.TryGetValue(o.Id, out var admin) ? o with { PendingAdminId = admin.Id, PendingAdminUserName = admin.UserName } : o)];
    }
}
