using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Notes.Commands.AddNote;
using CaseManagement.Application.Notes.Queries.ListNotes;
using CaseManagement.Domain.Cases;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class NoteEndpoints
{
    public static RouteGroupBuilder MapNotes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{caseId:guid}/notes").WithTags("Notes");

        group.MapPost("/", async (Guid caseId, AddRequest body, ISender sender, CancellationToken ct) =>
        {
            var note = await sender.Send(new AddNoteCommand(caseId, body.Sensitivity, body.Content ?? string.Empty), ct);
            return TypedResults.Created($"/api/v1/cases/{caseId}/notes/{note.Id}", note);
        })
        .WithName("AddNote");

        group.MapGet("/", async (Guid caseId, ISender sender, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
            TypedResults.Ok(await sender.Send(new ListNotesQuery(caseId, page, pageSize), ct)))
        .WithName("ListNotes");

        return api;
    }

    internal sealed record AddRequest(NoteSensitivity Sensitivity, string? Content);
}
