using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Administration.Queries.ListMachineClients;

/// <summary>The machine clients platform administrators registered: who they are and what they may read, never a secret.</summary>
[Audited(AuditActions.List, "MachineClient")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record ListMachineClientsQuery : IQuery<IReadOnlyList<MachineClient>>;

internal sealed class ListMachineClientsHandler(IIdentityAdministration identity) : IQueryHandler<ListMachineClientsQuery, IReadOnlyList<MachineClient>>
{
    public async ValueTask<IReadOnlyList<MachineClient>> Handle(ListMachineClientsQuery query, CancellationToken cancellationToken) =>
        await identity.ListClientsAsync(cancellationToken);
}
