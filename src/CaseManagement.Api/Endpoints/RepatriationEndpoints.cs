using CaseManagement.Application.Services.Commands.AdvanceRepatriation;
using CaseManagement.Application.Services.Commands.SaveRepatriation;
using CaseManagement.Application.Services.Queries.GetRepatriation;
using CaseManagement.Domain.Services;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class RepatriationEndpoints
{
    public static RouteGroupBuilder MapRepatriation(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{caseId:guid}/services/{episodeId:guid}/repatriation").WithTags("Services");

        group.MapPut("/", async (Guid caseId, Guid episodeId, RepatriationRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SaveRepatriationCommand(caseId, episodeId, body.Version, body.FromCountry ?? string.Empty,
                body.ToCountry ?? string.Empty, body.PartnerKind, body.PartnerName ?? string.Empty, body.PartnerContact, body.PlannedTravelOn, body.ActualTravelOn), ct)))
        .WithName("SaveRepatriation");

        group.MapPost("/status", async (Guid caseId, Guid episodeId, StatusRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new AdvanceRepatriationCommand(caseId, episodeId, body.Status, body.Date, body.ActualTravelOn), ct)))
        .WithName("AdvanceRepatriation");

        group.MapGet("/", async (Guid caseId, Guid episodeId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetRepatriationQuery(caseId, episodeId), ct)))
        .WithName("GetRepatriation");

        return api;
    }

    internal sealed record RepatriationRequest(
        string? FromCountry,
        string? ToCountry,
        PartnerKind? PartnerKind,
        string? PartnerName,
        string? PartnerContact = null,
        DateOnly? PlannedTravelOn = null,
        DateOnly? ActualTravelOn = null,
        int? Version = null);

    internal sealed record StatusRequest(RepatriationStatus? Status, DateOnly Date, DateOnly? ActualTravelOn = null);
}
