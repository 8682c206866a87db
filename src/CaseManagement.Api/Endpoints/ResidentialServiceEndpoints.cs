using CaseManagement.Application.Services.Commands.AdmitResident;
using CaseManagement.Application.Services.Commands.DischargeResident;
using CaseManagement.Application.Services.Queries.ListAdmissions;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class ResidentialServiceEndpoints
{
    public static RouteGroupBuilder MapResidentialServices(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{caseId:guid}/services/{episodeId:guid}").WithTags("Services");

        group.MapPost("/admission", async (Guid caseId, Guid episodeId, AdmitRequest body, ISender sender, CancellationToken ct) =>
        {
            var admission = await sender.Send(new AdmitResidentCommand(caseId, episodeId, body.FacilityId, body.AdmittedOn), ct);
            return TypedResults.Created($"/api/v1/cases/{caseId}/services/{episodeId}/admission", admission);
        })
        .WithName("AdmitResident");

        group.MapPost("/discharge", async (Guid caseId, Guid episodeId, DischargeRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new DischargeResidentCommand(caseId, episodeId, body.DischargedOn), ct)))
        .WithName("DischargeResident");

        group.MapGet("/admission", async (Guid caseId, Guid episodeId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListAdmissionsQuery(caseId, episodeId), ct)))
        .WithName("ListAdmissions");

        return api;
    }

    internal sealed record AdmitRequest(Guid FacilityId, DateOnly AdmittedOn);

    internal sealed record DischargeRequest(DateOnly DischargedOn);
}
