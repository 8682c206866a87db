using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;
using static CaseManagement.Api.Tests.Infrastructure.TokenRequests;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>Disabled users and organisations come back; what was issued before the disable does not.</summary>
public abstract class EnableAgainSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_re_enabled_user_signs_in_again_but_nothing_issued_before_the_disable_works()
    {
        var (admin, _) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var (staff, workerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var old = await SignInFlow.SignInAsync(Fixture.Host, staff);
        await RepeatSignIn.ForgetLastCodeAsync(Fixture, workerId);
        var unredeemed = await SignInFlow.AuthorizationCodeAsync(SignInFlow.Browser(Fixture.Host), staff, SignInFlow.DefaultScopes, out var verifier);

        Assert.True((bool)(await (await admin.PostAsync($"/api/v1/admin/users/{workerId}/disable", Body("{}"))).ReadObjectAsync(HttpStatusCode.OK))["disabled"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.WithToken(old.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
        Assert.False((bool)(await (await admin.PostAsync($"/api/v1/admin/users/{workerId}/enable", Body("{}"))).ReadObjectAsync(HttpStatusCode.OK))["disabled"]!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.WithToken(old.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(await RefreshAsync(Fixture.Anonymous(), old.RefreshToken!)));
        Assert.Equal("invalid_grant", await ErrorAsync(await RedeemAsync(Fixture.Anonymous(), unredeemed, verifier)));

        var fresh = await RepeatSignIn.AgainAsync(Fixture, staff, workerId);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.WithToken(fresh.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(Fixture.Anonymous(), fresh.RefreshToken!)).StatusCode);
        // The disable and the enable, each audited in the organisation's chain.
        Assert.Equal(2, await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .CountAsync(e => e.EntityId == workerId && e.EntityType == "User" && e.Action == "Update" && e.Outcome == "Success" && e.OrganisationId == Fixture.OrganisationA)));
    }

    [Fact]
    public async Task Nobody_re_enables_themselves_and_another_organisations_user_is_not_found()
    {
        var (admin, adminId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        await (await admin.PostAsync($"/api/v1/admin/users/{adminId}/enable", Body("{}"))).ProblemAsync(HttpStatusCode.Forbidden);

        var (_, strangerId) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.SocialWorker);
        await Fixture.WithUserAsync(strangerId, async (users, user) => { user.IsDisabled = true; return await users.UpdateAsync(user); });
        await (await admin.PostAsync($"/api/v1/admin/users/{strangerId}/enable", Body("{}"))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.True(await Fixture.WithUserAsync(strangerId, (_, user) => Task.FromResult(user.IsDisabled)));

        var platform = await Fixture.ClientAsync(null, Roles.PlatformAdmin);
        await (await platform.PostAsync($"/api/v1/platform/organisations/{Guid.CreateVersion7()}/enable", Body("{}"))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Enabling_an_organisation_again_restores_exactly_the_users_not_disabled_one_by_one()
    {
        var platform = await Fixture.ClientAsync(null, Roles.PlatformAdmin);
        var created = await (await platform.PostJsonAsync("/api/v1/platform/organisations", new { name = $"Asociatia {Guid.NewGuid():N}", adminUserName = $"admin.{Guid.NewGuid():N}" }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var organisation = (Guid)created["id"]!;
        var (adminStaff, adminId) = await Fixture.CreateUserAsync(organisation, Roles.OrganisationAdmin);
        var admin = Fixture.WithToken((await SignInFlow.SignInAsync(Fixture.Host, adminStaff)).AccessToken);
        var (keptStaff, keptId) = await Fixture.CreateUserAsync(organisation, Roles.SocialWorker);
        var (droppedStaff, droppedId) = await Fixture.CreateUserAsync(organisation, Roles.SocialWorker);
        var kept = await SignInFlow.SignInAsync(Fixture.Host, keptStaff);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/users/{droppedId}/disable", Body("{}"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await platform.PostAsync($"/api/v1/platform/organisations/{organisation}/disable", Body("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.WithToken(kept.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/admin/users")).StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(await RefreshAsync(Fixture.Anonymous(), kept.RefreshToken!)));
        await SignInRefusedAsync(keptStaff);
        // The users' own flags are left as they were.
        Assert.False(await Fixture.WithUserAsync(keptId, (_, user) => Task.FromResult(user.IsDisabled)));

        Assert.Equal(HttpStatusCode.NoContent, (await platform.PostAsync($"/api/v1/platform/organisations/{organisation}/enable", Body("{}"))).StatusCode);

        // Tokens from before the disable stay refused; new sign-ins work, except for the user disabled on their own.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.WithToken(kept.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/admin/users")).StatusCode);
        var back = await RepeatSignIn.AgainAsync(Fixture, keptStaff, keptId);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.WithToken(back.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
        var adminBack = Fixture.WithToken((await RepeatSignIn.AgainAsync(Fixture, adminStaff, adminId)).AccessToken);
        var staff = await (await adminBack.GetAsync("/api/v1/admin/users")).ReadObjectsAsync();
        Assert.True((bool)staff.Single(u => (Guid)u!["id"]! == droppedId)!["disabled"]!);
        await SignInRefusedAsync(droppedStaff);
    }

    /// <summary>The sign-in form refuses the account: no cookie, no code.</summary>
    private async Task SignInRefusedAsync(SignInFlow.StaffCredentials staff)
    {
        var response = await SignInFlow.PostLoginAsync(SignInFlow.Browser(Fixture.Host), new Uri("/account/login?returnUrl=%2F", UriKind.Relative), staff);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Autentificarea nu a reușit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
