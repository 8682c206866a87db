using CaseManagement.Application.Administration.Commands.CreateUser;
using CaseManagement.Application.Administration.Commands.DisableOrganisation;
using CaseManagement.Application.Administration.Commands.DisableUser;
using CaseManagement.Application.Administration.Commands.RegisterMachineClient;
using CaseManagement.Application.Administration.Commands.RevokeMachineClient;
using CaseManagement.Application.Administration.Commands.SetUserRoles;
using CaseManagement.Application.Administration.Queries.ListUsers;
using CaseManagement.Application.Organisations.Commands.CreateOrganisation;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class AdministrationEndpoints
{
    /// <summary>An organisation administrator's own staff.</summary>
    public static RouteGroupBuilder MapOrganisationAdministration(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/admin/users").WithTags("Administration");
        users.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListUsersQuery(), ct)))
            .WithName("ListUsers");
        users.MapPost("/", async (CreateUserCommand body, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(body, ct);
            return TypedResults.Created($"/api/v1/admin/users/{created.Id}", created);
        })
        .WithName("CreateUser")
        .WithSummary("Adds a member of staff; the one-time password in the answer is shown once.");
        users.MapPut("/{userId:guid}/roles", async (Guid userId, RolesRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetUserRolesCommand(userId, body.Roles ?? []), ct)))
            .WithName("SetUserRoles");
        users.MapPost("/{userId:guid}/disable", async (Guid userId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new DisableUserCommand(userId), ct)))
            .WithName("DisableUser");
        return api;
    }

    /// <summary>The platform administrators' operations: member organisations and machine clients.</summary>
    public static RouteGroupBuilder MapPlatformAdministration(this RouteGroupBuilder platform)
    {
        platform.MapPost("/organisations", async (CreateOrganisationCommand body, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(body, ct);
            return TypedResults.Created($"/api/v1/platform/organisations/{created.Id}", created);
        })
        .WithName("CreateOrganisation")
        .WithSummary("Registers a member NGO and its first administrator (one-time password shown once).");
        platform.MapPost("/organisations/{organisationId:guid}/disable", async (Guid organisationId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new DisableOrganisationCommand(organisationId), ct);
            return TypedResults.NoContent();
        })
        .WithName("DisableOrganisation");
        platform.MapPost("/clients", async (RegisterMachineClientCommand body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(body, ct)))
            .WithName("RegisterMachineClient")
            .WithSummary("Registers a machine client for client credentials with its public key (PEM); the answer gives the client id and the key's thumbprint.");
        platform.MapDelete("/clients/{clientId}", async (string clientId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RevokeMachineClientCommand(clientId), ct);
            return TypedResults.NoContent();
        })
        .WithName("RevokeMachineClient");
        return platform;
    }

    internal sealed record RolesRequest(IReadOnlyList<string>? Roles);
}
