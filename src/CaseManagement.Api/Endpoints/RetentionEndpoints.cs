using CaseManagement.Application.Administration.Commands.SetRetention;
using CaseManagement.Application.Administration.Queries.GetRetention;
using CaseManagement.Application.Beneficiaries.Commands.EraseBeneficiary;
using CaseManagement.Application.Beneficiaries.Commands.PlaceLegalHold;
using CaseManagement.Application.Beneficiaries.Commands.ReleaseLegalHold;
using CaseManagement.Application.Beneficiaries.Queries.ExportBeneficiary;
using CaseManagement.Application.Beneficiaries.Queries.GetRetentionStatus;
using CaseManagement.Domain.Beneficiaries;
using Mediator;

namespace CaseManagement.Api.Endpoints;

/// <summary>An organisation administrator's duties as controller: retention period, legal holds, erasure and access requests.</summary>
internal static class RetentionEndpoints
{
    public static RouteGroupBuilder MapRetention(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Retention");
        admin.MapGet("/retention", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRetentionQuery(), ct)))
            .WithName("GetRetention");
        admin.MapPut("/retention", async (SetRetentionCommand body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(body, ct)))
            .WithName("SetRetention")
            .WithSummary("Sets how many years after a person's last case closed their data is kept (1 to 100), then anonymised by the daily job; null stops the job for this organisation.");

        var people = admin.MapGroup("/beneficiaries/{id:guid}");
        people.MapGet("/retention", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetRetentionStatusQuery(id), ct)))
            .WithName("GetRetentionStatus")
            .WithSummary("Whether the person's record is under a legal hold or already erased; no personal field.");
        people.MapPut("/legal-hold", async (Guid id, LegalHoldRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new PlaceLegalHoldCommand(id, body.Reason), ct)))
            .WithName("PlaceLegalHold")
            .WithSummary("Keeps the person's data past the retention period and refuses erasure until released.");
        people.MapDelete("/legal-hold", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ReleaseLegalHoldCommand(id), ct)))
            .WithName("ReleaseLegalHold");
        people.MapPost("/erasure", async (Guid id, ErasureRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new EraseBeneficiaryCommand(id, body.Basis), ct)))
            .WithName("EraseBeneficiary")
            .WithSummary("GDPR art. 17: erases the person's data now, on the ground given (audited); 409 under a legal hold or an open legal case.");
        people.MapGet("/export", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ExportBeneficiaryQuery(id), ct)))
            .WithName("ExportBeneficiary")
            .WithSummary("GDPR art. 15: everything held on the person, personal fields opened, as JSON for the data protection officer (audited).");
        return api;
    }

    internal sealed record LegalHoldRequest(LegalHoldReason Reason);

    internal sealed record ErasureRequest(ErasureBasis Basis);
}
