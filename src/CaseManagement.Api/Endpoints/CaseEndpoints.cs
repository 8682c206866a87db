using CaseManagement.Api.Json;
using CaseManagement.Application.Cases.Commands.AssignCase;
using CaseManagement.Application.Cases.Commands.CloseCase;
using CaseManagement.Application.Cases.Commands.DesignateCounsellor;
using CaseManagement.Application.Cases.Commands.OpenCase;
using CaseManagement.Application.Cases.Commands.ReopenCase;
using CaseManagement.Application.Cases.Commands.RevokeCounsellor;
using CaseManagement.Application.Cases.Queries.GetCase;
using CaseManagement.Application.Cases.Queries.GetTimeline;
using CaseManagement.Application.Cases.Queries.ListCases;
using CaseManagement.Application.Cases.Queries.ListCaseWorkers;
using CaseManagement.Application.Cases.Queries.ListCounsellors;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Cases;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class CaseEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Cases");

        api.MapGet("/case-workers", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListCaseWorkersQuery(), ct)))
            .WithTags("Cases")
            .WithName("ListCaseWorkers")
            .WithSummary("The organisation's active social workers (id and user name), to name a colleague as a case's counsellor.");

        group.MapPost("/", async (OpenCaseCommand body, ISender sender, CancellationToken ct) =>
        {
            var opened = await sender.Send(body, ct);
            return TypedResults.Created($"/api/v1/cases/{opened.Id}", opened);
        })
        .WithName("OpenCase");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCaseQuery(id), ct)))
        .WithName("GetCase");

        group.MapGet("/{id:guid}/timeline", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTimelineQuery(id), ct)))
        .WithName("GetCaseTimeline")
        .WithSummary("The case's events, newest first: services, notes its reader may see, and legal stages and hearings as the legal rules allow.");

        group.MapGet("/", async (ISender sender, CancellationToken ct, CaseStatus? status = null, Guid? beneficiaryId = null,
                Guid? assignedWorkerId = null, int page = 1, int pageSize = Paging.DefaultPageSize) =>
            TypedResults.Ok(await sender.Send(new ListCasesQuery(status, beneficiaryId, assignedWorkerId, page, pageSize), ct)))
        .AddEndpointFilter(new StrictEnumQueryFilter<CaseStatus>("status"))
        .WithName("ListCases");

        group.MapPost("/{id:guid}/assign", async (Guid id, AssignRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new AssignCaseCommand(id, body.Version, body.WorkerId), ct)))
        .WithName("AssignCase");

        group.MapPost("/{id:guid}/close", async (Guid id, CloseRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CloseCaseCommand(id, body.Version, body.Reason, body.Note, body.ClosedOn), ct)))
        .WithName("CloseCase");

        group.MapPost("/{id:guid}/counsellors", async (Guid id, CounsellorRequest body, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new DesignateCounsellorCommand(id, body.UserId), ct);
            return TypedResults.NoContent();
        })
        .WithName("DesignateCounsellor")
        .WithSummary("Lets a colleague (e.g. the psychotherapist) read the case's restricted notes; for the assigned worker or a restricted note's author, never for oneself.");

        group.MapGet("/{id:guid}/counsellors", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListCounsellorsQuery(id), ct)))
        .WithName("ListCounsellors");

        group.MapDelete("/{id:guid}/counsellors/{userId:guid}", async (Guid id, Guid userId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RevokeCounsellorCommand(id, userId), ct);
            return TypedResults.NoContent();
        })
        .WithName("RevokeCounsellor")
        .WithSummary("Ends a colleague's access to the case's restricted notes from their next read.");

        group.MapPost("/{id:guid}/reopen", async (Guid id, VersionRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ReopenCaseCommand(id, body.Version), ct)))
        .WithName("ReopenCase");

        return api;
    }

    internal sealed record AssignRequest(int? Version, Guid WorkerId);

    internal sealed record CloseRequest(int? Version, ClosureReason? Reason, DateOnly ClosedOn, string? Note = null);

    internal sealed record VersionRequest(int? Version);

    internal sealed record CounsellorRequest(Guid UserId);
}
