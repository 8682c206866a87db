using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Queries.ListUsers;

[Audited(AuditActions.List, "User")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record ListUsersQuery : IQuery<IReadOnlyList<StaffMember>>;

internal sealed class ListUsersHandler(IIdentityAdministration identity, ICurrentUser user) : IQueryHandler<ListUsersQuery, IReadOnlyList<StaffMember>>
{
    public async ValueTask<IReadOnlyList<StaffMember>> Handle(ListUsersQuery query, CancellationToken cancellationToken) =>
        await identity.ListUsersAsync(user.RequireOrganisationId(), cancellationToken);
}
