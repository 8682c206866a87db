using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Services.Commands.RecordAttendance;
using CaseManagement.Application.Services.Queries.ListAttendance;
using CaseManagement.Domain.Services;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class DayCentreEndpoints
{
    public static RouteGroupBuilder MapDayCentre(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{caseId:guid}/services/{episodeId:guid}/attendance").WithTags("Services");

        group.MapPost("/", async (Guid caseId, Guid episodeId, AttendanceRequest body, ISender sender, CancellationToken ct) =>
        {
            var attendance = await sender.Send(new RecordAttendanceCommand(caseId, episodeId, body.Date, body.Activity), ct);
            return TypedResults.Created($"/api/v1/cases/{caseId}/services/{episodeId}/attendance", attendance);
        })
        .WithName("RecordAttendance");

        group.MapGet("/", async (Guid caseId, Guid episodeId, ISender sender, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
            TypedResults.Ok(await sender.Send(new ListAttendanceQuery(caseId, episodeId, page, pageSize), ct)))
        .WithName("ListAttendance");

        return api;
    }

    internal sealed record AttendanceRequest(DateOnly Date, ActivityKind? Activity);
}
