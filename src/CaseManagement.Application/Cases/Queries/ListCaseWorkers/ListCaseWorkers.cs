using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Cases.Queries.ListCaseWorkers;

/// <summary>
/// The organisation's active social workers, for a social worker choosing a colleague (a counsellor
/// of a case) and for a coordinator or social worker assigning a case: the people a designation or
/// an assignment may name. Roles, states and everything an administrator sees stay with the administrator.
/// </summary>
[Audited(AuditActions.List, "User.CaseWorker")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record ListCaseWorkersQuery : IQuery<IReadOnlyList<CaseWorker>>;

internal sealed class ListCaseWorkersHandler(IIdentityAdministration identity, ICurrentUser user) : IQueryHandler<ListCaseWorkersQuery, IReadOnlyList<CaseWorker>>
{
    public async ValueTask<IReadOnlyList<CaseWorker>> Handle(ListCaseWorkersQuery query, CancellationToken cancellationToken) =>
        [.. (await identity.ListUsersAsync(user.RequireOrganisationId(), cancellationToken))
            .Where(u => !u.Disabled && !u.InvitationPending && u.Roles.Contains(Roles.SocialWorker))
            .OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new CaseWorker(u.Id, u.UserName))];
}
