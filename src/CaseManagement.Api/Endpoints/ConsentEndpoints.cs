using CaseManagement.Application.Consents;
using CaseManagement.Application.Consents.Commands.RecordConsent;
using CaseManagement.Application.Consents.Commands.ReviseConsent;
using CaseManagement.Application.Consents.Commands.WithdrawConsent;
using CaseManagement.Application.Consents.Queries.GetConsentHistory;
using CaseManagement.Application.Consents.Queries.ListConsents;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Consents;
using CaseManagement.Domain.Referrals;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class ConsentEndpoints
{
    public static RouteGroupBuilder MapConsents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/beneficiaries/{beneficiaryId:guid}/consents").WithTags("Consents");

        group.MapPost("/", async (Guid beneficiaryId, ConsentRequest body, ISender sender, CancellationToken ct) =>
        {
            var consent = await sender.Send(new RecordConsentCommand(beneficiaryId, body.ToInput()), ct);
            return TypedResults.Created($"/api/v1/beneficiaries/{beneficiaryId}/consents/{consent.ConsentId}", consent);
        })
        .WithName("RecordConsent")
        .WithSummary("Records a consent: for the organisation's own processing, or for a referral to one named organisation.");

        group.MapGet("/", async (Guid beneficiaryId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListConsentsQuery(beneficiaryId), ct)))
        .WithName("ListConsents")
        .WithSummary("The beneficiary's consents, each at its current version.");

        group.MapGet("/{consentId:guid}", async (Guid beneficiaryId, Guid consentId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetConsentHistoryQuery(beneficiaryId, consentId), ct)))
        .WithName("GetConsentHistory")
        .WithSummary("Every version of one consent, oldest first.");

        group.MapPut("/{consentId:guid}", async (Guid beneficiaryId, Guid consentId, ReviseConsentRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ReviseConsentCommand(beneficiaryId, consentId, body.Number ?? 0, body.Terms?.ToInput()!), ct)))
        .WithName("ReviseConsent")
        .WithSummary("Records changed terms as the next version; send the number of the version you read.");

        group.MapPost("/{consentId:guid}/withdrawal", async (Guid beneficiaryId, Guid consentId, WithdrawConsentRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new WithdrawConsentCommand(beneficiaryId, consentId, body.Number ?? 0, body.WithdrawnOn ?? default), ct)))
        .WithName("WithdrawConsent")
        .WithSummary("Withdraws the consent: every referral made under it loses its shared data at once.");

        return api;
    }

    internal sealed record ConsentRequest(
        ConsentScope? Scope,
        DateOnly? GivenOn,
        ConsentForm? Form,
        Guid? RecipientOrganisationId = null,
        IReadOnlyList<ServiceType>? Purposes = null,
        IReadOnlyList<ReferralData>? DataItems = null,
        string? DocumentReference = null,
        string? Witness = null)
    {
        public ConsentInput ToInput() => new(
            Scope ?? default, RecipientOrganisationId, Purposes ?? [], DataItems ?? [], Form ?? default, DocumentReference, Witness, GivenOn ?? default);
    }

    /// <summary>The version read, and the new terms; missing terms are refused by the command's validator.</summary>
    internal sealed record ReviseConsentRequest(int? Number, ConsentRequest? Terms);

    internal sealed record WithdrawConsentRequest(int? Number, DateOnly? WithdrawnOn);
}
