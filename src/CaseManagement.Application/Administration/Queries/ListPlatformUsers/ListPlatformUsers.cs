using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Queries.ListPlatformUsers;

/// <summary>The platform's own staff (secretariat, administrators); never an organisation's.</summary>
[Audited(AuditActions.List, "User")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record ListPlatformUsersQuery : IQuery<IReadOnlyList<StaffMember>>;

internal sealed class ListPlatformUsersHandler(IIdentityAdministration identity) : IQueryHandler<ListPlatformUsersQuery, IReadOnlyList<StaffMember>>
{
    public async ValueTask<IReadOnlyList<StaffMember>> Handle(ListPlatformUsersQuery query, CancellationToken cancellationToken) =>
        await identity.ListPlatformUsersAsync(cancellationToken);
}
