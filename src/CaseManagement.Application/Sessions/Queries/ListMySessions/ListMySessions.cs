using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Sessions.Queries.ListMySessions;

/// <summary>Every signed-in person sees where they are signed in, to end what they do not recognise.</summary>
[Audited(AuditActions.List, "Session")]
[RequiresSignedInUser]
public sealed record ListMySessionsQuery : IQuery<IReadOnlyList<MySession>>;

internal sealed class ListMySessionsHandler(IUserSessions sessions, ICurrentUser user, ICurrentSession current)
    : IQueryHandler<ListMySessionsQuery, IReadOnlyList<MySession>>
{
    public async ValueTask<IReadOnlyList<MySession>> Handle(ListMySessionsQuery query, CancellationToken cancellationToken) =>
        [.. (await sessions.ListAsync(user.RequireUserId(), cancellationToken))
            .Select(s => new MySession(s.Id, s.ClientName, s.CreatedAt, s.Id == current.SessionId))];
}
