using CaseManagement.Application.Administration.Commands.CreatePlatformUser;
using CaseManagement.Application.Administration.Commands.CreateUser;
using CaseManagement.Application.Administration.Commands.DisableOrganisation;
using CaseManagement.Application.Administration.Commands.DisableUser;
using CaseManagement.Application.Administration.Commands.EnableOrganisation;
using CaseManagement.Application.Administration.Commands.EnableUser;
using CaseManagement.Application.Administration.Commands.RegisterMachineClient;
using CaseManagement.Application.Administration.Commands.ReinviteOrganisationAdmin;
using CaseManagement.Application.Administration.Commands.ReinvitePlatformUser;
using CaseManagement.Application.Administration.Commands.ReinviteUser;
using CaseManagement.Application.Administration.Commands.RevokeMachineClient;
using CaseManagement.Application.Administration.Commands.RevokeUserSessions;
using CaseManagement.Application.Administration.Commands.SetUserRoles;
using CaseManagement.Application.Administration.Queries.ListMachineClients;
using CaseManagement.Application.Administration.Queries.ListPlatformUsers;
using CaseManagement.Application.Administration.Queries.ListUsers;
using CaseManagement.Application.Organisations.Commands.CreateOrganisation;
using CaseManagement.Application.Organisations.Queries.ListOrganisations;
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
        .WithSummary("Adds a member of staff and invites them to choose their password: by e-mail when a mail server is configured, else the link in the answer, shown once.");
        users.MapPut("/{userId:guid}/roles", async (Guid userId, RolesRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetUserRolesCommand(userId, body.Roles ?? []), ct)))
            .WithName("SetUserRoles");
        users.MapPost("/{userId:guid}/disable", async (Guid userId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new DisableUserCommand(userId), ct)))
            .WithName("DisableUser");
        users.MapPost("/{userId:guid}/invitation", async (Guid userId, InvitationRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ReinviteUserCommand(userId, body.Email), ct)))
            .WithName("ReinviteUser")
            .WithSummary("Sends a new invitation (a resend, or a reset after a lost password or authenticator): the password, authenticator and sessions are cleared.");
        users.MapPost("/{userId:guid}/enable", async (Guid userId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new EnableUserCommand(userId), ct)))
            .WithName("EnableUser")
            .WithSummary("Lets a disabled colleague sign in again; their sessions from before stay ended.");
        users.MapPost("/{userId:guid}/sessions/revoke", async (Guid userId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RevokeUserSessionsCommand(userId), ct);
            return TypedResults.NoContent();
        })
        .WithName("RevokeUserSessions")
        .WithSummary("Ends every session of a colleague: their tokens are refused from the next request on.");
        return api;
    }

    /// <summary>The platform administrators' operations: member organisations and machine clients.</summary>
    public static RouteGroupBuilder MapPlatformAdministration(this RouteGroupBuilder platform)
    {
        platform.MapGet("/organisations", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListOrganisationsQuery(), ct)))
            .WithName("ListOrganisations")
            .WithSummary("The member organisations: id, public name, whether disabled, when registered.");
        platform.MapPost("/organisations", async (CreateOrganisationCommand body, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(body, ct);
            return TypedResults.Created($"/api/v1/platform/organisations/{created.Id}", created);
        })
        .WithName("CreateOrganisation")
        .WithSummary("Registers a member NGO and invites its first administrator (by e-mail, or the link in the answer, shown once).");
        platform.MapPost("/organisations/{organisationId:guid}/disable", async (Guid organisationId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new DisableOrganisationCommand(organisationId), ct);
            return TypedResults.NoContent();
        })
        .WithName("DisableOrganisation");
        var users = platform.MapGroup("/users");
        users.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPlatformUsersQuery(), ct)))
            .WithName("ListPlatformUsers");
        users.MapPost("/", async (CreatePlatformUserCommand body, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(body, ct);
            return TypedResults.Created($"/api/v1/platform/users/{created.Id}", created);
        })
        .WithName("CreatePlatformUser")
        .WithSummary("Adds a secretariat user or platform administrator and invites them to choose their password.");
        users.MapPost("/{userId:guid}/invitation", async (Guid userId, InvitationRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ReinvitePlatformUserCommand(userId, body.Email), ct)))
            .WithName("ReinvitePlatformUser")
            .WithSummary("Sends another platform user a new invitation, clearing their password, authenticator and sessions.");
        platform.MapPost("/organisations/{organisationId:guid}/enable", async (Guid organisationId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new EnableOrganisationCommand(organisationId), ct);
            return TypedResults.NoContent();
        })
        .WithName("EnableOrganisation")
        .WithSummary("Lets a member NGO back in: its accounts work again, except those disabled one by one.");
        platform.MapPost("/organisations/{organisationId:guid}/admins/{userId:guid}/invitation",
                async (Guid organisationId, Guid userId, InvitationRequest body, ISender sender, CancellationToken ct) =>
                    TypedResults.Ok(await sender.Send(new ReinviteOrganisationAdminCommand(organisationId, userId, body.Email), ct)))
            .WithName("ReinviteOrganisationAdmin")
            .WithSummary("Sends a new link to an organisation's administrator who never accepted theirs; an administrator with an account is not found.");
        platform.MapGet("/clients", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMachineClientsQuery(), ct)))
            .WithName("ListMachineClients")
            .WithSummary("The registered machine clients: id, name, scopes and the thumbprint of the key they sign with (never a secret).");
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

    /// <summary>
    /// Without a mail server, leave it out: the link is in the answer. With one, a new invitation goes
    /// to the address the account was created with; an address is taken only for an account that has none.
    /// </summary>
    internal sealed record InvitationRequest(string? Email = null);
}
