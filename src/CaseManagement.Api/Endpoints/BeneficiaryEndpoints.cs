using CaseManagement.Application.Beneficiaries;
using CaseManagement.Application.Beneficiaries.Commands.RegisterBeneficiary;
using CaseManagement.Application.Beneficiaries.Commands.UpdateBeneficiary;
using CaseManagement.Application.Beneficiaries.Queries.GetBeneficiary;
using CaseManagement.Application.Beneficiaries.Queries.ListBeneficiaries;
using CaseManagement.Application.Beneficiaries.Queries.SearchBeneficiaries;
using CaseManagement.Application.Common.Models;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManagement.Api.Endpoints;

internal static class BeneficiaryEndpoints
{
    public static RouteGroupBuilder MapBeneficiaries(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/beneficiaries").WithTags("Beneficiaries");

        group.MapPost("/", async Task<Created<RegisteredBeneficiary>> (BeneficiaryInput body, ISender sender, CancellationToken ct) =>
        {
            var registered = await sender.Send(new RegisterBeneficiaryCommand(body), ct);
            return TypedResults.Created($"/api/v1/beneficiaries/{registered.Id}", registered);
        })
        .WithName("RegisterBeneficiary")
        .WithSummary("Registers a person; answers with possible duplicates already on file.");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetBeneficiaryQuery(id), ct)))
        .WithName("GetBeneficiary");

        group.MapPut("/{id:guid}", async (Guid id, UpdateBeneficiaryRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UpdateBeneficiaryCommand(id, body.Version, body), ct)))
        .WithName("UpdateBeneficiary")
        .WithSummary("Replaces the person's data; send the version you read, a stale one answers 409.");

        group.MapGet("/", async (ISender sender, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
            TypedResults.Ok(await sender.Send(new ListBeneficiariesQuery(page, pageSize), ct)))
        .WithName("ListBeneficiaries");

        // POST, not GET: the criteria are personal data and must stay out of URLs and access logs.
        group.MapPost("/search", async (SearchBeneficiariesQuery body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(body, ct)))
        .WithName("SearchBeneficiaries")
        .WithSummary("Exact search by national id, or by name and date of birth, through blind indexes.");

        return api;
    }
}

/// <summary>The beneficiary's data plus the version the caller read.</summary>
internal sealed record UpdateBeneficiaryRequest : BeneficiaryInput
{
    public required int? Version { get; init; }
}
