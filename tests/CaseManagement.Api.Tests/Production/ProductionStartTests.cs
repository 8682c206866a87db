using System.Net;
using System.Text.RegularExpressions;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Production;

/// <summary>
/// A new deployment brought up from nothing with the documented commands, outside Development:
/// <c>migrate</c>, <c>bootstrap</c>, and every account from an invitation, with a second factor.
/// </summary>
public sealed partial class ProductionStartTests
{
    [Fact]
    public async Task A_deployment_comes_up_from_nothing_with_migrate_bootstrap_and_invitations()
    {
        await using var deployment = ProductionDeployment.OnSqlite();
        var migrated = await deployment.RunAsync("migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Output);

        // Run again before anyone accepts, it prints no second live link; `bootstrap reissue` replaces the first.
        var first = await deployment.RunAsync("bootstrap", "first.admin");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains($"Registered sign-in client {SignInFlow.ClientId}.", first.Output, StringComparison.Ordinal);
        var rerun = await deployment.RunAsync("bootstrap", "first.admin");
        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.Contains($"Updated sign-in client {SignInFlow.ClientId}.", rerun.Output, StringComparison.Ordinal);
        Assert.Contains("first.admin is invited", rerun.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(Link(), rerun.Output);
        var bootstrapped = await deployment.RunAsync("bootstrap", "reissue");
        Assert.True(bootstrapped.ExitCode == 0, bootstrapped.Output);
        Assert.DoesNotContain("password:", bootstrapped.Output, StringComparison.OrdinalIgnoreCase);
        var link = Link().Match(bootstrapped.Output).Value;
        Assert.StartsWith(ProductionDeployment.DefaultAddress + "/account/invitation#", link, StringComparison.Ordinal);
        Assert.NotEqual(Link().Match(first.Output).Value, link);

        await using var host = deployment.Host();
        var ready = await host.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        // The platform administrator accepts, signs in with an authenticator code, and registers a member NGO.
        var platformAdmin = await AcceptAndSignInAsync(host, "first.admin", link);
        var organisation = await (await platformAdmin.PostJsonAsync("/api/v1/platform/organisations",
            new { name = "Asociatia Productie", adminUserName = "admin.productie" })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await platformAdmin.GetAsync("/api/v1/beneficiaries")).StatusCode);

        // Its administrator accepts and invites a social worker, who accepts and registers a person.
        var organisationAdmin = await AcceptAndSignInAsync(host, "admin.productie", (string)organisation["admin"]!["invitationLink"]!);
        var worker = await (await organisationAdmin.PostJsonAsync("/api/v1/admin/users",
            new { userName = "worker.productie", roles = new[] { Roles.SocialWorker } })).ReadObjectAsync(HttpStatusCode.Created);
        var socialWorker = await AcceptAndSignInAsync(host, "worker.productie", (string)worker["invitationLink"]!);
        Assert.Equal(HttpStatusCode.Created, (await socialWorker.PostAsync("/api/v1/beneficiaries", Body(Beneficiary("Prima Persoana")))).StatusCode);

        // Once an administrator has an account, bootstrap creates no other.
        var again = await deployment.RunAsync("bootstrap", "second.admin");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("Refused", again.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(Link(), again.Output);

        // Break-glass from the console: the administrator lost authenticator and codes, and no other can reset them.
        var unknown = await deployment.RunAsync("bootstrap", "reset", "worker.productie");
        Assert.True(unknown.ExitCode == 2, unknown.Output);
        var reset = await deployment.RunAsync("bootstrap", "reset", "first.admin");
        Assert.True(reset.ExitCode == 0, reset.Output);
        Assert.Matches(Link(), reset.Output);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platformAdmin.GetAsync("/api/v1/platform/users")).StatusCode); // the old session ended
    }

    [Fact]
    public async Task Outside_development_an_account_without_an_authenticator_cannot_sign_in_or_enrol()
    {
        await using var deployment = ProductionDeployment.OnSqlite();
        Assert.Equal(0, (await deployment.RunAsync("migrate")).ExitCode);
        await using var host = deployment.Host();
        var userName = "legacy.admin";
        const string password = "a password someone else may know";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // An account from before invitations: a password (perhaps its administrator's), no authenticator.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CaseManagement.Infrastructure.Identity.ApplicationUser>>();
            var user = new CaseManagement.Infrastructure.Identity.ApplicationUser { Id = Guid.CreateVersion7(), UserName = userName };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.PlatformAdmin)).Succeeded);
        }

        var login = await SignInFlow.PostLoginAsync(SignInFlow.Browser(host), new Uri("/account/login?returnUrl=%2F", UriKind.Relative),
            new SignInFlow.StaffCredentials(userName, password, ""), code: "");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // the form again, no enrolment page
        Assert.Contains("Autentificarea nu a reușit", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Not even mapped: answered as any path that does not exist.
        var anonymous = host.CreateClient();
        Assert.Equal((await anonymous.GetAsync("/account/no-such-page")).StatusCode, (await anonymous.GetAsync("/account/enrol")).StatusCode);
    }

    /// <summary>A person opens their invitation, chooses a password and enrols, then signs in; the client carries their access token.</summary>
    internal static async Task<HttpClient> AcceptAndSignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string userName, string link)
    {
        var accepted = await InvitationFlow.AcceptAsync(host, userName, link);
        var tokens = await SignInFlow.SignInAsync(host, accepted.Staff);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    /// <summary>An invitation link as the verbs print it.</summary>
    [GeneratedRegex(@"https://\S+/account/invitation#[A-Za-z0-9_-]{43}")]
    internal static partial Regex Link();
}
