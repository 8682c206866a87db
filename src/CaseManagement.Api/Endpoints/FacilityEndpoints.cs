using CaseManagement.Application.Facilities.Commands.CreateFacility;
using CaseManagement.Application.Facilities.Commands.UpdateFacility;
using CaseManagement.Application.Facilities.Queries.GetOccupancy;
using CaseManagement.Application.Facilities.Queries.ListFacilities;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class FacilityEndpoints
{
    public static RouteGroupBuilder MapFacilities(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/facilities").WithTags("Facilities");

        group.MapPost("/", async (FacilityRequest body, ISender sender, CancellationToken ct) =>
        {
            var facility = await sender.Send(new CreateFacilityCommand(body.Name ?? string.Empty, body.Address, body.Places), ct);
            return TypedResults.Created($"/api/v1/facilities/{facility.Id}", facility);
        })
        .WithName("CreateFacility");

        group.MapPut("/{id:guid}", async (Guid id, UpdateFacilityRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UpdateFacilityCommand(id, body.Version, body.Name ?? string.Empty, body.Address, body.Places, body.Active), ct)))
        .WithName("UpdateFacility");

        group.MapGet("/", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListFacilitiesQuery(), ct)))
        .WithName("ListFacilities");

        group.MapGet("/occupancy", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetOccupancyQuery(), ct)))
        .WithName("GetFacilityOccupancy");

        return api;
    }

    internal sealed record FacilityRequest(string? Name, int Places, string? Address = null);

    internal sealed record UpdateFacilityRequest(int? Version, string? Name, int Places, bool? Active, string? Address = null);
}
