using CaseManagement.Application.Referrals.Commands.AcceptReferral;
using CaseManagement.Application.Referrals.Commands.CompleteReferral;
using CaseManagement.Application.Referrals.Commands.CreateReferral;
using CaseManagement.Application.Referrals.Commands.DeclineReferral;
using CaseManagement.Application.Referrals.Commands.LinkReferralBeneficiary;
using CaseManagement.Application.Referrals.Commands.PostReferralUpdate;
using CaseManagement.Application.Referrals.Commands.WithdrawReferral;
using CaseManagement.Application.Referrals.Queries.GetReceivedReferral;
using CaseManagement.Application.Referrals.Queries.GetReferralDashboard;
using CaseManagement.Application.Referrals.Queries.GetSentReferral;
using CaseManagement.Application.Referrals.Queries.ListReceivedReferrals;
using CaseManagement.Application.Referrals.Queries.ListReferralRecipients;
using CaseManagement.Application.Referrals.Queries.ListSentReferrals;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CaseManagement.Api.Endpoints;

internal static class ReferralEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapReferrals(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/referrals").WithTags("Referrals");

        group.MapPost("/", async ([FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ReferralRequest body, ISender sender, CancellationToken ct) =>
        {
            var referral = await sender.Send(new CreateReferralCommand(
                idempotencyKey ?? string.Empty, body.CaseId ?? Guid.Empty, body.RecipientOrganisationId ?? Guid.Empty, body.ConsentId ?? Guid.Empty,
                body.Services ?? [], body.Urgency ?? default, body.Reason ?? string.Empty, body.Shared ?? []), ct);
            return TypedResults.Created($"/api/v1/referrals/sent/{referral.Id}", referral);
        })
        .WithName("CreateReferral")
        .WithSummary("Refers the beneficiary of a case to another organisation. Send an Idempotency-Key header: a retry with the same key returns the same referral.");

        group.MapGet("/recipients", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListReferralRecipientsQuery(), ct)))
        .WithName("ListReferralRecipients");

        group.MapGet("/dashboard", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetReferralDashboardQuery(), ct)))
        .WithName("GetReferralDashboard");

        group.MapGet("/sent", async (ISender sender, CancellationToken ct, string? status = null) =>
            TypedResults.Ok(await sender.Send(new ListSentReferralsQuery(StatusFilter(status)), ct)))
        .WithName("ListSentReferrals");

        group.MapGet("/sent/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetSentReferralQuery(id), ct)))
        .WithName("GetSentReferral");

        group.MapPost("/sent/{id:guid}/withdrawal", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new WithdrawReferralCommand(id), ct)))
        .WithName("WithdrawReferral");

        group.MapGet("/received", async (ISender sender, CancellationToken ct, string? status = null) =>
            TypedResults.Ok(await sender.Send(new ListReceivedReferralsQuery(StatusFilter(status)), ct)))
        .WithName("ListReceivedReferrals")
        .WithSummary("The coordinators' inbox: summaries only.");

        group.MapGet("/received/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetReceivedReferralQuery(id), ct)))
        .WithName("GetReceivedReferral");

        group.MapPost("/received/{id:guid}/acceptance", async (Guid id, AcceptReferralRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new AcceptReferralCommand(id, body.OpenedOn ?? default, body.BeneficiaryId, body.AssignedWorkerId), ct)))
        .WithName("AcceptReferral")
        .WithSummary("Accepts and opens a case, on a new record or on a beneficiary already on file.");

        group.MapPost("/received/{id:guid}/decline", async (Guid id, DeclineReferralRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new DeclineReferralCommand(id, body.Reason ?? default), ct)))
        .WithName("DeclineReferral");

        group.MapPost("/received/{id:guid}/completion", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CompleteReferralCommand(id), ct)))
        .WithName("CompleteReferral");

        group.MapPost("/received/{id:guid}/updates", async (Guid id, ReferralUpdateRequest body, ISender sender, CancellationToken ct) =>
        {
            var update = await sender.Send(new PostReferralUpdateCommand(id, body.Kind ?? default, body.Service, body.On ?? default), ct);
            return TypedResults.Created($"/api/v1/referrals/received/{id}", update);
        })
        .WithName("PostReferralUpdate")
        .WithSummary("Tells the sender of progress: a service started or ended, or the person left. No personal data.");

        group.MapPost("/received/{id:guid}/link", async (Guid id, LinkBeneficiaryRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new LinkReferralBeneficiaryCommand(id, body.BeneficiaryId ?? Guid.Empty), ct)))
        .WithName("LinkReferralBeneficiary")
        .WithSummary("Moves the accepted referral's case to a person already on file.");

        return api;
    }

    /// <summary>A status named exactly as defined, or none; anything else (a number, two names) is a 400.</summary>
    private static ReferralStatus? StatusFilter(string? status) =>
        status is null ? null
        : Enum.GetNames<ReferralStatus>().Contains(status, StringComparer.Ordinal) ? Enum.Parse<ReferralStatus>(status)
        : throw new ValidationException([new ValidationFailure("status", "Name one referral status.")]);

    internal sealed record ReferralRequest(
        Guid? CaseId,
        Guid? RecipientOrganisationId,
        Guid? ConsentId,
        IReadOnlyList<ServiceType>? Services,
        ReferralUrgency? Urgency,
        string? Reason,
        IReadOnlyList<ReferralData>? Shared = null);

    internal sealed record AcceptReferralRequest(DateOnly? OpenedOn, Guid? BeneficiaryId = null, Guid? AssignedWorkerId = null);

    internal sealed record DeclineReferralRequest(DeclineReason? Reason);

    internal sealed record ReferralUpdateRequest(ReferralUpdateKind? Kind, DateOnly? On, ServiceType? Service = null);

    internal sealed record LinkBeneficiaryRequest(Guid? BeneficiaryId);
}
