using CaseManagement.Application.Services.Commands.EndService;
using CaseManagement.Application.Services.Commands.StartService;
using CaseManagement.Application.Services.Queries.ListServices;
using CaseManagement.Domain.Cases;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class ServiceEndpoints
{
    public static RouteGroupBuilder MapServices(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{caseId:guid}/services").WithTags("Services");

        group.MapPost("/", async (Guid caseId, StartRequest body, ISender sender, CancellationToken ct) =>
        {
            var episode = await sender.Send(new StartServiceCommand(caseId, body.Type, body.StartDate), ct);
            return TypedResults.Created($"/api/v1/cases/{caseId}/services/{episode.Id}", episode);
        })
        .WithName("StartService");

        group.MapPost("/{episodeId:guid}/end", async (Guid caseId, Guid episodeId, EndRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new EndServiceCommand(caseId, episodeId, body.EndDate), ct)))
        .WithName("EndService");

        group.MapGet("/", async (Guid caseId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListServicesQuery(caseId), ct)))
        .WithName("ListServices");

        return api;
    }

    internal sealed record StartRequest(ServiceType? Type, DateOnly StartDate);

    internal sealed record EndRequest(DateOnly EndDate);
}
