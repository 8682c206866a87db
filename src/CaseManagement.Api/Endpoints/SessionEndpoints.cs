using CaseManagement.Application.Sessions.Commands.RevokeMySession;
using CaseManagement.Application.Sessions.Queries.ListMySessions;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class SessionEndpoints
{
    /// <summary>The caller's own sessions: every signed-in person, platform staff included.</summary>
    public static RouteGroupBuilder MapMySessions(this RouteGroupBuilder me)
    {
        var sessions = me.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMySessionsQuery(), ct)))
            .WithName("ListMySessions")
            .WithSummary("Where the caller is signed in; current marks the session of this request's token.");
        sessions.MapDelete("/{sessionId:guid}", async (Guid sessionId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RevokeMySessionCommand(sessionId), ct);
            return TypedResults.NoContent();
        })
        .WithName("RevokeMySession")
        .WithSummary("Ends one of the caller's sessions: its tokens are refused from the next request on.");
        return me;
    }
}
