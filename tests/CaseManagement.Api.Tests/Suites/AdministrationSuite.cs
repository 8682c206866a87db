using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Organisations.Commands.CreateOrganisation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>Administrators manage staff and organisations; nobody manages themselves.</summary>
public abstract class AdministrationSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task An_organisation_admin_invites_a_colleague_who_chooses_their_own_password_and_authenticator()
    {
        var admin = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var userName = $"new.worker.{Guid.NewGuid():N}";
        var created = await (await admin.PostJsonAsync("/api/v1/admin/users", new { userName, roles = new[] { Roles.SocialWorker } })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.DoesNotContain(created, p => p.Key.Contains("password", StringComparison.OrdinalIgnoreCase));
        Assert.False((bool)created["invitationEmailed"]!);
        Assert.True((DateTimeOffset)created["invitationExpiresAt"]! > DateTimeOffset.UtcNow.AddHours(71));
        var accepted = await InvitationFlow.AcceptAsync(Fixture.Host, userName, (string)created["invitationLink"]!);
        Assert.Equal(10, accepted.RecoveryCodes.Count);
        var worker = Fixture.WithToken((await SignInFlow.SignInAsync(Fixture.Host, accepted.Staff)).AccessToken);
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsync("/api/v1/beneficiaries", Body(Beneficiary("Invited Worker Person")))).StatusCode);

        await (await admin.PostJsonAsync("/api/v1/admin/users", new { userName, roles = new[] { Roles.SocialWorker } })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostJsonAsync("/api/v1/admin/users", new { userName = "x" + userName, roles = new[] { Roles.PlatformAdmin } })).ProblemAsync(HttpStatusCode.BadRequest);
        var users = await (await admin.GetAsync("/api/v1/admin/users")).ReadObjectsAsync();
        Assert.Contains(users, u => (string?)u!["userName"] == userName);
        Assert.All(users, u => Assert.Equal(Fixture.OrganisationA, (Guid)u!["organisationId"]!));
    }

    [Fact]
    public async Task Nobody_changes_their_own_roles_or_account_and_other_organisations_staff_are_not_found()
    {
        var (admin, adminId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        await (await admin.PutAsync($"/api/v1/admin/users/{adminId}/roles", Body("{\"roles\":[\"OrganisationAdmin\",\"SocialWorker\"]}"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsync($"/api/v1/admin/users/{adminId}/disable", Body("{}"))).ProblemAsync(HttpStatusCode.Forbidden);

        var (_, strangerId) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.SocialWorker);
        await (await admin.PutAsync($"/api/v1/admin/users/{strangerId}/roles", Body("{\"roles\":[\"Lawyer\"]}"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/v1/admin/users/{strangerId}/disable", Body("{}"))).ProblemAsync(HttpStatusCode.NotFound);

        var (_, colleagueId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var changed = await (await admin.PutAsync($"/api/v1/admin/users/{colleagueId}/roles", Body("{\"roles\":[\"Lawyer\"]}"))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(["Lawyer"], changed["roles"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task Disabling_an_organisation_stops_all_its_accounts_at_once()
    {
        var platform = await Fixture.ClientAsync(null, Roles.PlatformAdmin);
        var created = await (await platform.PostJsonAsync("/api/v1/platform/organisations", new { name = $"Asociatia {Guid.NewGuid():N}", adminUserName = $"admin.{Guid.NewGuid():N}" }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var organisation = (Guid)created["id"]!;
        Assert.Contains("/account/invitation#", (string?)created["admin"]!["invitationLink"], StringComparison.Ordinal);
        var (worker, _) = await Fixture.NewUserClientAsync(organisation, Roles.SocialWorker);
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsync("/api/v1/beneficiaries", Body(Beneficiary("Closing Down Person")))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await platform.PostAsync($"/api/v1/platform/organisations/{organisation}/disable", Body("{}"))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.GetAsync("/api/v1/beneficiaries")).StatusCode);
    }

    [Fact]
    public async Task A_command_that_fails_after_its_first_save_writes_nothing()
    {
        // The organisation, its first data key and its admin's account are written by three saves;
        // here the command fails right after the account was saved.
        await using var failing = Fixture.Host.WithWebHostBuilder(host => host.ConfigureServices(services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(IIdentityAdministration));
            services.Remove(real);
            services.AddScoped<IIdentityAdministration>(sp => new FailAfterCreatingUser((IIdentityAdministration)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
        }));
        var name = $"Asociatia Atomica {Guid.NewGuid():N}";
        var adminName = $"admin.{Guid.NewGuid():N}";
        var (users, keys, organisations) = await CountsAsync();
        await using (var scope = failing.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(null))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateOrganisationCommand(name, adminName)));
        }

        Assert.Equal((users, keys, organisations), await CountsAsync());
        Assert.False(await Fixture.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == adminName)));
        Assert.Equal(1, await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.EntityType == "Organisation" && e.Outcome == "Failed" && e.ClientId == "system")));
    }

    [Fact]
    public async Task Two_racing_creations_of_one_user_name_give_one_201_and_one_409()
    {
        var admin = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        for (var round = 0; round < 5; round++)
        {
            var userName = $"racing.{Guid.NewGuid():N}";
            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                admin.PostJsonAsync("/api/v1/admin/users", new { userName, roles = new[] { Roles.SocialWorker } })));
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ProblemAsync(HttpStatusCode.Conflict);
        }
    }

    private Task<(int Users, int Keys, int Organisations)> CountsAsync() => Fixture.WithDbAsync(async db =>
        (await db.Users.CountAsync(), await db.OrganisationKeys.CountAsync(), await db.Organisations.IgnoreQueryFilters().CountAsync()));

    /// <summary>Creates the account for real, then fails: what the command saved so far must not stay.</summary>
    private sealed class FailAfterCreatingUser(IIdentityAdministration inner) : IIdentityAdministration
    {
        public bool SendsInvitationEmails => inner.SendsInvitationEmails;

        public async Task<InvitedStaffMember> CreateUserAsync(
            Guid? organisationId, string userName, IReadOnlyList<string> roles, string? email, CancellationToken cancellationToken)
        {
            await inner.CreateUserAsync(organisationId, userName, roles, email, cancellationToken);
            throw new InvalidOperationException("Injected failure after the account was saved.");
        }

        public Task<InvitedStaffMember> ReinviteAsync(Guid userId, string? email, CancellationToken cancellationToken) => inner.ReinviteAsync(userId, email, cancellationToken);

        public Task<IReadOnlyList<StaffMember>> ListPlatformUsersAsync(CancellationToken cancellationToken) => inner.ListPlatformUsersAsync(cancellationToken);

        public Task<IReadOnlyList<StaffMember>> ListFirstAdministratorsAsync(CancellationToken cancellationToken) => inner.ListFirstAdministratorsAsync(cancellationToken);

        public Task<bool> HasAcceptedInvitationAsync(Guid userId, CancellationToken cancellationToken) => inner.HasAcceptedInvitationAsync(userId, cancellationToken);

        public Task<StaffMember?> FindUserAsync(Guid userId, CancellationToken cancellationToken) => inner.FindUserAsync(userId, cancellationToken);

        public Task<IReadOnlyList<StaffMember>> ListUsersAsync(Guid organisationId, CancellationToken cancellationToken) => inner.ListUsersAsync(organisationId, cancellationToken);

        public Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, CancellationToken cancellationToken) => inner.SetRolesAsync(userId, roles, cancellationToken);

        public Task DisableUserAsync(Guid userId, CancellationToken cancellationToken) => inner.DisableUserAsync(userId, cancellationToken);

        public Task EnableUserAsync(Guid userId, CancellationToken cancellationToken) => inner.EnableUserAsync(userId, cancellationToken);

        public Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken) => inner.UserNameTakenAsync(userName, cancellationToken);

        public Task<NewMachineClient> RegisterClientAsync(string displayName, IReadOnlyList<string> scopes, string? publicKeyPem, CancellationToken cancellationToken) =>
            inner.RegisterClientAsync(displayName, scopes, publicKeyPem, cancellationToken);

        public Task<IReadOnlyList<MachineClient>> ListClientsAsync(CancellationToken cancellationToken) => inner.ListClientsAsync(cancellationToken);

        public Task<bool> RevokeClientAsync(string clientId, CancellationToken cancellationToken) => inner.RevokeClientAsync(clientId, cancellationToken);
    }
}
