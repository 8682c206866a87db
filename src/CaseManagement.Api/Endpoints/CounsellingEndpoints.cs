using CaseManagement.Application.Services.Commands.RecordSession;
using CaseManagement.Application.Services.Commands.SetCounsellingKind;
using CaseManagement.Application.Services.Queries.GetCounselling;
using CaseManagement.Application.Services.Queries.ListSessions;
using CaseManagement.Domain.Services;
using Mediator;

namespace CaseManagement.Api.Endpoints;

/// <summary>A counselling episode's kind and sessions; session notes are restricted notes.</summary>
internal static class CounsellingEndpoints
{
    public static RouteGroupBuilder MapCounselling(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{caseId:guid}/services/{episodeId:guid}").WithTags("Counselling");

        group.MapPut("/counselling", async (Guid caseId, Guid episodeId, CounsellingKindRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetCounsellingKindCommand(caseId, episodeId, body.Kind), ct)))
        .WithName("SetCounsellingKind");

        group.MapGet("/counselling", async (Guid caseId, Guid episodeId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCounsellingQuery(caseId, episodeId), ct)))
        .WithName("GetCounselling");

        group.MapPost("/sessions", async (Guid caseId, Guid episodeId, CounsellingSessionRequest body, ISender sender, CancellationToken ct) =>
        {
            var session = await sender.Send(new RecordSessionCommand(caseId, episodeId, body.Date, body.DurationMinutes, body.CounsellorId, body.Note), ct);
            return TypedResults.Created($"/api/v1/cases/{caseId}/services/{episodeId}/sessions/{session.Id}", session);
        })
        .WithName("RecordSession");

        group.MapGet("/sessions", async (Guid caseId, Guid episodeId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListSessionsQuery(caseId, episodeId), ct)))
        .WithName("ListSessions");

        return api;
    }

    internal sealed record CounsellingKindRequest(CounsellingKind? Kind);

    internal sealed record CounsellingSessionRequest(DateOnly Date, int DurationMinutes, Guid CounsellorId, string? Note = null);
}
