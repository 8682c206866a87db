using CaseManagement.Application.Activities;
using CaseManagement.Application.Activities.Commands.RecordCampaign;
using CaseManagement.Application.Activities.Commands.RecordTrainingSession;
using CaseManagement.Application.Activities.Queries.ListCampaigns;
using CaseManagement.Application.Activities.Queries.ListTrainingSessions;
using CaseManagement.Domain.Activities;
using Mediator;

namespace CaseManagement.Api.Endpoints;

/// <summary>Aggregate activity an organisation reports: prevention campaigns and trainings, counts only.</summary>
internal static class ActivityEndpoints
{
    public static RouteGroupBuilder MapActivities(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/activities").WithTags("Activities");

        group.MapPost("/campaigns", async (CampaignRequest body, ISender sender, CancellationToken ct) =>
        {
            var campaign = await sender.Send(new RecordCampaignCommand(body.Name ?? string.Empty, body.StartsOn ?? default, body.EndsOn ?? default, body.Channel ?? default, body.PeopleReached ?? -1), ct);
            return TypedResults.Created($"/api/v1/activities/campaigns/{campaign.Id}", campaign);
        })
        .WithName("RecordCampaign")
        .WithSummary("Records a prevention campaign: its period, channel and the number of people it reached.");

        group.MapGet("/campaigns", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListCampaignsQuery(), ct)))
        .WithName("ListCampaigns");

        group.MapPost("/trainings", async (TrainingRequest body, ISender sender, CancellationToken ct) =>
        {
            var session = await sender.Send(new RecordTrainingSessionCommand(body.Date ?? default, body.Topic ?? string.Empty,
                [.. (body.Participants ?? []).Select(p => p is null ? null! : new ParticipantCount(p.Category ?? default, p.Count ?? 0))]), ct);
            return TypedResults.Created($"/api/v1/activities/trainings/{session.Id}", session);
        })
        .WithName("RecordTrainingSession")
        .WithSummary("Records a training session with its participants counted by profession.");

        group.MapGet("/trainings", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListTrainingSessionsQuery(), ct)))
        .WithName("ListTrainingSessions");

        return api;
    }

    internal sealed record CampaignRequest(string? Name, DateOnly? StartsOn, DateOnly? EndsOn, CampaignChannel? Channel, int? PeopleReached);

    internal sealed record TrainingRequest(DateOnly? Date, string? Topic, IReadOnlyList<ParticipantRequest?>? Participants);

    internal sealed record ParticipantRequest(ProfessionalCategory? Category, int? Count);
}
