using System.Net;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>Accounts start from single-use invitations; nobody but their person ever knows a password.</summary>
public abstract class InvitationSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_link_works_once_and_a_used_one_says_so()
    {
        var (userName, link) = await InviteAsync();
        LogCanaries.Track(InvitationFlow.Token(link));
        await InvitationFlow.AcceptAsync(Fixture.Host, userName, link);

        var again = await InvitationFlow.OpenAsync(SignInFlow.Browser(Fixture.Host), InvitationFlow.Token(link));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("deja folosită", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Only the token's hash is stored.
        var raw = await Fixture.RawDatabaseContentsAsync();
        Assert.DoesNotContain(InvitationFlow.Token(link), raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_from_the_invitation_signs_in_once_in_place_of_the_authenticator()
    {
        var (userName, link) = await InviteAsync();
        var accepted = await InvitationFlow.AcceptAsync(Fixture.Host, userName, link);
        var recovery = LogCanaries.Track(accepted.RecoveryCodes[3]);
        var loginPage = new Uri("/account/login?returnUrl=%2F", UriKind.Relative);

        var browser = SignInFlow.Browser(Fixture.Host);
        var first = await SignInFlow.PostLoginAsync(browser, loginPage, accepted.Staff, code: recovery);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await SignInFlow.PostLoginAsync(SignInFlow.Browser(Fixture.Host), loginPage, accepted.Staff, code: recovery);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode); // the form again: spent

        // Without the phone, another recovery code also proves the step-up: new codes for the lost ones.
        var form = await browser.GetStringAsync("/account/recovery-codes");
        var regenerated = await browser.PostAsync("/account/recovery-codes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["password"] = accepted.Staff.Password,
            ["code"] = accepted.RecoveryCodes[5],
            ["__RequestVerificationToken"] = SignInFlow.Field(form, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.OK, regenerated.StatusCode);
        Assert.Equal(10, InvitationFlow.RecoveryCodes(await regenerated.Content.ReadAsStringAsync()).Count);
    }

    [Fact]
    public async Task A_resent_link_replaces_the_old_one()
    {
        var (userName, first) = await InviteAsync();
        var (admin, userId) = (await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin), await UserIdAsync(userName));
        var resent = await (await admin.PostJsonAsync($"/api/v1/admin/users/{userId}/invitation", new { })).ReadObjectAsync(HttpStatusCode.OK);
        var second = (string)resent["invitationLink"]!;
        Assert.NotEqual(InvitationFlow.Token(first), InvitationFlow.Token(second));

        var old = await InvitationFlow.OpenAsync(SignInFlow.Browser(Fixture.Host), InvitationFlow.Token(first));
        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        Assert.Contains("înlocuită", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await InvitationFlow.AcceptAsync(Fixture.Host, userName, second);
    }

    [Fact]
    public async Task An_unknown_or_malformed_link_gets_a_clear_page()
    {
        foreach (var token in new[] { "", "short", new string('A', 43), "%00" + new string('A', 40), new string('x', 5000) })
        {
            var response = await InvitationFlow.OpenAsync(SignInFlow.Browser(Fixture.Host), token);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{token.Length}: {(int)response.StatusCode}");
            Assert.Contains("nu este valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_weak_or_mistyped_password_or_a_wrong_code_uses_nothing_up()
    {
        var (userName, link) = await InviteAsync();
        var browser = SignInFlow.Browser(Fixture.Host);
        var setup = await (await InvitationFlow.OpenAsync(browser, InvitationFlow.Token(link))).Content.ReadAsStringAsync();
        Assert.Contains(userName, setup, StringComparison.Ordinal);

        const string good = "the orchard behind the old mill";
        foreach (var (password, repeat, code) in new[]
                 {
                     ("eleven char", "eleven char", (string?)null),
                     (good, good + "!", null),
                     (good, good, "000000"),
                 })
        {
            var refused = await InvitationFlow.SubmitAsync(browser, setup, password, repeat, code);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("role=\"alert\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(await Fixture.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName && u.PasswordHash == null && !u.TwoFactorEnabled)));
        var done = await InvitationFlow.SubmitAsync(browser, setup, good, code: Totp.At(InvitationFlow.SharedKey(setup), await Totp.PreviousStepAsync()));
        Assert.Contains("recovery-codes", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_can_neither_set_nor_learn_a_password()
    {
        var admin = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var userName = $"nopass.{Guid.NewGuid():N}";
        var withPassword = await admin.PostJsonAsync("/api/v1/admin/users", new { userName, roles = new[] { Roles.SocialWorker }, password = "the admin's own choice" });
        await withPassword.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(await Fixture.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));

        var created = await (await admin.PostJsonAsync("/api/v1/admin/users", new { userName, roles = new[] { Roles.SocialWorker } })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.DoesNotContain(created, p => p.Key.Contains("password", StringComparison.OrdinalIgnoreCase));
        Assert.True(await Fixture.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName && u.PasswordHash == null)));
        var listed = (await (await admin.GetAsync("/api/v1/admin/users")).ReadObjectsAsync()).Single(u => (string?)u!["userName"] == userName)!;
        Assert.True((bool)listed["invitationPending"]!);
        Assert.DoesNotContain(listed.AsObject(), p => p.Key.Contains("password", StringComparison.OrdinalIgnoreCase) || p.Key.Contains("link", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_reset_clears_the_password_and_authenticator_and_ends_the_session()
    {
        var (userName, link) = await InviteAsync();
        var accepted = await InvitationFlow.AcceptAsync(Fixture.Host, userName, link);
        var tokens = await SignInFlow.SignInAsync(Fixture.Host, accepted.Staff);
        var worker = Fixture.WithToken(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/v1/beneficiaries")).StatusCode);

        var admin = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var reset = await (await admin.PostJsonAsync($"/api/v1/admin/users/{await UserIdAsync(userName)}/invitation", new { })).ReadObjectAsync(HttpStatusCode.OK);

        Assert.True(await Fixture.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName && u.PasswordHash == null && !u.TwoFactorEnabled)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.GetAsync("/api/v1/beneficiaries")).StatusCode);
        var login = await SignInFlow.PostLoginAsync(SignInFlow.Browser(Fixture.Host), new Uri("/account/login?returnUrl=%2F", UriKind.Relative), accepted.Staff);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // the form again: the old password no longer works

        var again = await InvitationFlow.AcceptAsync(Fixture.Host, userName, (string)reset["invitationLink"]!);
        Assert.NotEqual(accepted.Staff.AuthenticatorKey, again.Staff.AuthenticatorKey);
    }

    [Fact]
    public async Task Platform_administrators_invite_platform_staff_and_never_reset_themselves()
    {
        var (platform, platformAdminId) = await Fixture.ActorAsync(null, Roles.PlatformAdmin);
        var userName = $"secretariat.{Guid.NewGuid():N}";
        var created = await (await platform.PostJsonAsync("/api/v1/platform/users", new { userName, roles = new[] { Roles.Secretariat } })).ReadObjectAsync(HttpStatusCode.Created);
        await (await platform.PostJsonAsync("/api/v1/platform/users", new { userName = "x" + userName, roles = new[] { Roles.SocialWorker } })).ProblemAsync(HttpStatusCode.BadRequest);
        var accepted = await InvitationFlow.AcceptAsync(Fixture.Host, userName, (string)created["invitationLink"]!);
        var secretariat = Fixture.WithToken((await SignInFlow.SignInAsync(Fixture.Host, accepted.Staff)).AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync("/api/v1/platform/users")).StatusCode); // signed in (not 401), and no administrator

        var listed = await (await platform.GetAsync("/api/v1/platform/users")).ReadObjectsAsync();
        Assert.Contains(listed, u => (string?)u!["userName"] == userName);
        Assert.All(listed, u => Assert.Null((Guid?)u!["organisationId"]));
        await (await platform.PostJsonAsync($"/api/v1/platform/users/{platformAdminId}/invitation", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        var (_, organisationUser) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        await (await platform.PostJsonAsync($"/api/v1/platform/users/{organisationUser}/invitation", new { })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_platform_administrator_resends_only_an_organisation_administrators_unaccepted_invitation()
    {
        var platform = await Fixture.ClientAsync(null, Roles.PlatformAdmin);
        var adminName = $"first.{Guid.NewGuid():N}";
        var created = await (await platform.PostJsonAsync("/api/v1/platform/organisations", new { name = $"Asociatia {Guid.NewGuid():N}", adminUserName = adminName }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var (organisation, admin) = ((Guid)created["id"]!, (Guid)created["admin"]!["id"]!);
        async Task<JsonNode> ListedAsync() => (await (await platform.GetAsync("/api/v1/platform/organisations")).ReadObjectsAsync()).Single(o => (Guid)o!["id"]! == organisation)!;
        Assert.Equal((admin, adminName), ((Guid)(await ListedAsync())["pendingAdminId"]!, (string)(await ListedAsync())["pendingAdminUserName"]!));
        var resent = await (await platform.PostJsonAsync($"/api/v1/platform/organisations/{organisation}/admins/{admin}/invitation", new { }))
            .ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Gone, (await InvitationFlow.OpenAsync(SignInFlow.Browser(Fixture.Host), InvitationFlow.Token((string)created["admin"]!["invitationLink"]!))).StatusCode);
        var accepted = await InvitationFlow.AcceptAsync(Fixture.Host, adminName, (string)resent["invitationLink"]!);

        // Accepted, the administrator is the organisation's own: the platform cannot reset them, nor anyone else there,
        // not even while a colleague's reset has cleared their password (last, below).
        await (await platform.PostJsonAsync($"/api/v1/platform/organisations/{organisation}/admins/{admin}/invitation", new { })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Null((Guid?)(await ListedAsync())["pendingAdminId"]);
        var organisationAdmin = Fixture.WithToken((await SignInFlow.SignInAsync(Fixture.Host, accepted.Staff)).AccessToken);
        var worker = await (await organisationAdmin.PostJsonAsync("/api/v1/admin/users", new { userName = $"w.{Guid.NewGuid():N}", roles = new[] { Roles.SocialWorker } }))
            .ReadObjectAsync(HttpStatusCode.Created);
        await (await platform.PostJsonAsync($"/api/v1/platform/organisations/{organisation}/admins/{(Guid)worker["id"]!}/invitation", new { })).ProblemAsync(HttpStatusCode.NotFound);
        // Nor an administrator the organisation invited since, still pending: the organisation has started, and a link from the platform would hand that account over.
        var secondAdmin = await (await organisationAdmin.PostJsonAsync("/api/v1/admin/users", new { userName = $"a2.{Guid.NewGuid():N}", roles = new[] { Roles.SocialWorker, Roles.OrganisationAdmin } }))
            .ReadObjectAsync(HttpStatusCode.Created);
        Assert.Null((Guid?)(await ListedAsync())["pendingAdminId"]);
        await (await platform.PostJsonAsync($"/api/v1/platform/organisations/{organisation}/admins/{(Guid)secondAdmin["id"]!}/invitation", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await platform.PostJsonAsync($"/api/v1/platform/organisations/{Fixture.OrganisationB}/admins/{admin}/invitation", new { })).ProblemAsync(HttpStatusCode.NotFound);

        await using (var colleague = Fixture.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(organisation))
        {
            await colleague.ServiceProvider.GetRequiredService<IIdentityAdministration>().ReinviteAsync(admin, null, CancellationToken.None);
        }

        Assert.Null((Guid?)(await ListedAsync())["pendingAdminId"]); // the organisation's to invite again, not the platform's

        await (await platform.PostJsonAsync($"/api/v1/platform/organisations/{organisation}/admins/{admin}/invitation", new { })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task With_a_mail_server_the_link_goes_by_email_and_never_to_the_administrator()
    {
        using var smtp = netDumbster.smtp.SimpleSmtpServer.Start();
        await using var mailing = Fixture.Host.WithWebHostBuilder(host =>
        {
            host.UseSetting("Smtp:Host", "127.0.0.1");
            host.UseSetting("Smtp:Port", smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            host.UseSetting("Smtp:Security", "None");
            host.UseSetting("Smtp:From", "cases@example.test");
        });
        var (adminStaff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var admin = mailing.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", (await SignInFlow.SignInAsync(mailing, adminStaff)).AccessToken);

        var userName = $"mailed.{Guid.NewGuid():N}";
        await (await admin.PostJsonAsync("/api/v1/admin/users", new { userName, roles = new[] { Roles.SocialWorker } })).ProblemAsync(HttpStatusCode.BadRequest);
        var created = await (await admin.PostJsonAsync("/api/v1/admin/users", new { userName, roles = new[] { Roles.SocialWorker }, email = "worker@example.test" }))
            .ReadObjectAsync(HttpStatusCode.Created);
        Assert.True((bool)created["invitationEmailed"]!);
        Assert.Null((string?)created["invitationLink"]);

        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal("worker@example.test", mail.ToAddresses.Single().Address);
        var body = string.Concat(mail.MessageParts.Select(p => p.BodyData));
        var link = System.Text.RegularExpressions.Regex.Match(body, @"\S+/account/invitation#[A-Za-z0-9_-]{43}").Value;
        LogCanaries.Track(InvitationFlow.Token(link));
        await InvitationFlow.AcceptAsync(mailing, userName, link);
        Assert.DoesNotContain("worker@example.test", await Fixture.RawDatabaseContentsAsync(), StringComparison.OrdinalIgnoreCase); // kept sealed

        // A reset goes to the address the account was made with: the administrator cannot redirect it to themselves.
        var userId = await UserIdAsync(userName);
        await (await admin.PostJsonAsync($"/api/v1/admin/users/{userId}/invitation", new { email = "admin@example.test" })).ProblemAsync(HttpStatusCode.BadRequest);
        var reset = await (await admin.PostJsonAsync($"/api/v1/admin/users/{userId}/invitation", new { })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.True((bool)reset["invitationEmailed"]!);
        Assert.Null((string?)reset["invitationLink"]);
        Assert.Equal(["worker@example.test", "worker@example.test"], smtp.ReceivedEmail.Select(m => m.ToAddresses.Single().Address));

        // Accounts made while mail was off have no address: one never used takes the address given, once;
        // one already used takes none from an administrator.
        var (unused, usedName) = (await InviteAsync(), await InviteAsync());
        await InvitationFlow.AcceptAsync(Fixture.Host, usedName.UserName, usedName.Link);
        await (await admin.PostJsonAsync($"/api/v1/admin/users/{await UserIdAsync(usedName.UserName)}/invitation", new { email = "admin@example.test" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True((bool)(await (await admin.PostJsonAsync($"/api/v1/admin/users/{await UserIdAsync(unused.UserName)}/invitation", new { email = "new@example.test" }))
            .ReadObjectAsync(HttpStatusCode.OK))["invitationEmailed"]!);
        await (await admin.PostJsonAsync($"/api/v1/admin/users/{await UserIdAsync(unused.UserName)}/invitation", new { email = "admin@example.test" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        // The mail server down: the command fails whole, and no account waits for a link nobody received.
        smtp.Stop();
        var lost = $"lost.{Guid.NewGuid():N}";
        await (await admin.PostJsonAsync("/api/v1/admin/users", new { userName = lost, roles = new[] { Roles.SocialWorker }, email = "lost@example.test" }))
            .ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.False(await Fixture.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == lost)));
    }

    private async Task<(string UserName, string Link)> InviteAsync()
    {
        var admin = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        var userName = $"invited.{Guid.NewGuid():N}";
        var created = await (await admin.PostJsonAsync("/api/v1/admin/users", new { userName, roles = new[] { Roles.SocialWorker } })).ReadObjectAsync(HttpStatusCode.Created);
        return (userName, (string)created["invitationLink"]!);
    }

    private Task<Guid> UserIdAsync(string userName) => Fixture.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
