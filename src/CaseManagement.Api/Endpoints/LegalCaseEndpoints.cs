using CaseManagement.Application.Common.Models;
using CaseManagement.Application.LegalCases;
using CaseManagement.Application.LegalCases.Commands.AddHearing;
using CaseManagement.Application.LegalCases.Commands.AddPrivilegedNote;
using CaseManagement.Application.LegalCases.Commands.ChangeLegalStage;
using CaseManagement.Application.LegalCases.Commands.CreateLegalCase;
using CaseManagement.Application.LegalCases.Commands.RecordHearingOutcome;
using CaseManagement.Application.LegalCases.Commands.UpdateLegalCase;
using CaseManagement.Application.LegalCases.Queries.GetLegalCase;
using CaseManagement.Application.LegalCases.Queries.GetLegalSummary;
using CaseManagement.Application.LegalCases.Queries.ListHearings;
using CaseManagement.Application.LegalCases.Queries.ListLegalCases;
using CaseManagement.Application.LegalCases.Queries.ListOffenceCategories;
using CaseManagement.Application.LegalCases.Queries.ListPrivilegedNotes;
using CaseManagement.Domain.LegalCases;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class LegalCaseEndpoints
{
    public static RouteGroupBuilder MapLegalCases(this RouteGroupBuilder api)
    {
        var onCase = api.MapGroup("/cases/{caseId:guid}").WithTags("LegalCases");

        onCase.MapPost("/legal-cases", async (Guid caseId, CreateRequest body, ISender sender, CancellationToken ct) =>
        {
            var opened = await sender.Send(new CreateLegalCaseCommand(caseId, body, body.Stage, body.OpenedOn), ct);
            return TypedResults.Created($"/api/v1/legal-cases/{opened.Id}", opened);
        })
        .WithName("CreateLegalCase")
        .WithSummary("Opens a legal case on the case, assigned to the calling lawyer, at its first known stage.");

        onCase.MapGet("/legal-summary", async (Guid caseId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLegalSummaryQuery(caseId), ct)))
        .WithName("GetLegalSummary")
        .WithSummary("Stage, procedural role, protective measures and next hearing date of the case's legal cases: for its assigned social worker and the lawyers.");

        var group = api.MapGroup("/legal-cases").WithTags("LegalCases");

        group.MapGet("/", async (ISender sender, CancellationToken ct, bool mine = false, int page = 1, int pageSize = Paging.DefaultPageSize) =>
            TypedResults.Ok(await sender.Send(new ListLegalCasesQuery(mine, page, pageSize), ct)))
        .WithName("ListLegalCases");

        group.MapGet("/offence-categories", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListOffenceCategoriesQuery(), ct)))
        .WithName("ListOffenceCategories");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLegalCaseQuery(id), ct)))
        .WithName("GetLegalCase");

        group.MapPut("/{id:guid}", async (Guid id, UpdateLegalCaseRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UpdateLegalCaseCommand(id, body.Version, body.AssignedLawyerId, body), ct)))
        .WithName("UpdateLegalCase")
        .WithSummary("Replaces what the lawyer records; send the version you read, a stale one answers 409.");

        group.MapPost("/{id:guid}/stage", async (Guid id, StageRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ChangeLegalStageCommand(id, body.Stage, body.Date), ct)))
        .WithName("ChangeLegalStage")
        .WithSummary("Records a later stage and its date; an earlier or the same stage answers 409.");

        group.MapPost("/{id:guid}/hearings", async (Guid id, HearingRequest body, ISender sender, CancellationToken ct) =>
        {
            var hearing = await sender.Send(new AddHearingCommand(id, body.ScheduledAt, body.Court ?? string.Empty, body.Purpose), ct);
            return TypedResults.Created($"/api/v1/legal-cases/{id}/hearings/{hearing.Id}", hearing);
        })
        .WithName("AddHearing");

        group.MapGet("/{id:guid}/hearings", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListHearingsQuery(id), ct)))
        .WithName("ListHearings");

        group.MapPost("/{id:guid}/hearings/{hearingId:guid}/outcome", async (Guid id, Guid hearingId, OutcomeRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RecordHearingOutcomeCommand(id, hearingId, body.Outcome ?? string.Empty, body.NextScheduledAt, body.NextPurpose), ct)))
        .WithName("RecordHearingOutcome")
        .WithSummary("Records what happened at a past hearing; with nextScheduledAt, adds the next hearing before the same court.");

        group.MapPost("/{id:guid}/notes", async (Guid id, NoteRequest body, ISender sender, CancellationToken ct) =>
        {
            var note = await sender.Send(new AddPrivilegedNoteCommand(id, body.Content ?? string.Empty), ct);
            return TypedResults.Created($"/api/v1/legal-cases/{id}/notes/{note.Id}", note);
        })
        .WithName("AddPrivilegedNote");

        group.MapGet("/{id:guid}/notes", async (Guid id, ISender sender, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
            TypedResults.Ok(await sender.Send(new ListPrivilegedNotesQuery(id, page, pageSize), ct)))
        .WithName("ListPrivilegedNotes");

        return api;
    }

    internal sealed record CreateRequest : LegalCaseInput
    {
        public required LegalStage? Stage { get; init; }

        /// <summary>The day the legal case is opened, which is the date of its first stage.</summary>
        public required DateOnly OpenedOn { get; init; }
    }

    internal sealed record UpdateLegalCaseRequest : LegalCaseInput
    {
        public required int? Version { get; init; }

        public required Guid? AssignedLawyerId { get; init; }
    }

    internal sealed record StageRequest(LegalStage? Stage, DateOnly Date);

    internal sealed record HearingRequest(DateTimeOffset? ScheduledAt, string? Court, string? Purpose = null);

    internal sealed record OutcomeRequest(string? Outcome, DateTimeOffset? NextScheduledAt = null, string? NextPurpose = null);

    internal sealed record NoteRequest(string? Content);
}
