using CaseManagement.Application.Services.Commands.AddGoal;
using CaseManagement.Application.Services.Commands.AddLabourStep;
using CaseManagement.Application.Services.Commands.ChangeGoalStatus;
using CaseManagement.Application.Services.Commands.CompleteFollowUp;
using CaseManagement.Application.Services.Commands.RecordLabourOutcome;
using CaseManagement.Application.Services.Commands.ScheduleFollowUp;
using CaseManagement.Application.Services.Queries.ListFollowUps;
using CaseManagement.Application.Services.Queries.ListGoals;
using CaseManagement.Application.Services.Queries.ListLabourSteps;
using CaseManagement.Domain.Services;
using Mediator;

namespace CaseManagement.Api.Endpoints;

/// <summary>A reintegration episode's plan goals, labour-market steps and follow-ups.</summary>
internal static class ReintegrationEndpoints
{
    public static RouteGroupBuilder MapReintegration(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{caseId:guid}/services/{episodeId:guid}").WithTags("Reintegration");

        group.MapPost("/goals", async (Guid caseId, Guid episodeId, GoalRequest body, ISender sender, CancellationToken ct) =>
        {
            var goal = await sender.Send(new AddGoalCommand(caseId, episodeId, body.Area, body.Description ?? string.Empty, body.TargetDate), ct);
            return TypedResults.Created($"/api/v1/cases/{caseId}/services/{episodeId}/goals/{goal.Id}", goal);
        })
        .WithName("AddGoal");

        group.MapPost("/goals/{goalId:guid}/status", async (Guid caseId, Guid episodeId, Guid goalId, GoalStatusRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ChangeGoalStatusCommand(caseId, episodeId, goalId, body.Status, body.Date), ct)))
        .WithName("ChangeGoalStatus");

        group.MapGet("/goals", async (Guid caseId, Guid episodeId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListGoalsQuery(caseId, episodeId), ct)))
        .WithName("ListGoals");

        group.MapPost("/labour-steps", async (Guid caseId, Guid episodeId, LabourStepRequest body, ISender sender, CancellationToken ct) =>
        {
            var step = await sender.Send(new AddLabourStepCommand(caseId, episodeId, body.Kind, body.Date, body.Title ?? string.Empty, body.EmployerName), ct);
            return TypedResults.Created($"/api/v1/cases/{caseId}/services/{episodeId}/labour-steps/{step.Id}", step);
        })
        .WithName("AddLabourStep");

        group.MapPost("/labour-steps/{stepId:guid}/outcome", async (Guid caseId, Guid episodeId, Guid stepId, LabourOutcomeRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RecordLabourOutcomeCommand(caseId, episodeId, stepId, body.Outcome, body.Date), ct)))
        .WithName("RecordLabourOutcome");

        group.MapGet("/labour-steps", async (Guid caseId, Guid episodeId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListLabourStepsQuery(caseId, episodeId), ct)))
        .WithName("ListLabourSteps");

        group.MapPost("/follow-ups", async (Guid caseId, Guid episodeId, FollowUpRequest body, ISender sender, CancellationToken ct) =>
        {
            var followUp = await sender.Send(new ScheduleFollowUpCommand(caseId, episodeId, body.DueOn, body.Purpose), ct);
            return TypedResults.Created($"/api/v1/cases/{caseId}/services/{episodeId}/follow-ups/{followUp.Id}", followUp);
        })
        .WithName("ScheduleFollowUp");

        group.MapPost("/follow-ups/{followUpId:guid}/done", async (Guid caseId, Guid episodeId, Guid followUpId, FollowUpDoneRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CompleteFollowUpCommand(caseId, episodeId, followUpId, body.DoneOn, body.Note), ct)))
        .WithName("CompleteFollowUp");

        group.MapGet("/follow-ups", async (Guid caseId, Guid episodeId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListFollowUpsQuery(caseId, episodeId), ct)))
        .WithName("ListFollowUps");

        return api;
    }

    internal sealed record GoalRequest(GoalArea? Area, string? Description, DateOnly? TargetDate = null);

    internal sealed record GoalStatusRequest(GoalStatus? Status, DateOnly Date);

    internal sealed record LabourStepRequest(LabourStepKind? Kind, DateOnly Date, string? Title, string? EmployerName = null);

    internal sealed record LabourOutcomeRequest(LabourStepOutcome? Outcome, DateOnly Date);

    internal sealed record FollowUpRequest(DateOnly DueOn, string? Purpose = null);

    internal sealed record FollowUpDoneRequest(DateOnly DoneOn, string? Note = null);
}
