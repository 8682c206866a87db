using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>The OpenID Connect server and sign-in, attacked the way an auditor would: every refusal is checked.</summary>
public abstract class IdentitySuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task Pkce_plain_is_refused_even_for_a_signed_in_user()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = SignInFlow.Browser(Fixture.Host);
        await SignInFlow.AuthorizationCodeAsync(browser, staff, SignInFlow.DefaultScopes, out _); // the browser now holds a sign-in

        var verifier = SignInFlow.Base64Url(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var plain = await browser.GetAsync(SignInFlow.AuthorizeUrl(SignInFlow.DefaultScopes, verifier, "plain"));
        var location = plain.Headers.Location?.ToString() ?? string.Empty;
        Assert.DoesNotContain("code=", location, StringComparison.Ordinal);
        Assert.True(plain.StatusCode == HttpStatusCode.BadRequest || location.Contains("error=invalid_request", StringComparison.Ordinal),
            $"{(int)plain.StatusCode} {location}");

        var missing = await browser.GetAsync(SignInFlow.AuthorizeUrl(SignInFlow.DefaultScopes, "", "S256").Replace("&code_challenge=&code_challenge_method=S256", "", StringComparison.Ordinal));
        Assert.DoesNotContain("code=", missing.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_tokens_are_encrypted_under_a_key_derived_from_the_master_key()
    {
        var (staff, userId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var code = await SignInFlow.AuthorizationCodeAsync(SignInFlow.Browser(Fixture.Host), staff, SignInFlow.DefaultScopes, out var verifier);
        var tokens = await SignInFlow.RedeemAsync(Fixture.Anonymous(), code, verifier);

        // A client sees a JWE it cannot open: AES key wrap, not RSA, so opening it costs microseconds.
        var handler = new JsonWebTokenHandler();
        var jwe = handler.ReadJsonWebToken(tokens.AccessToken);
        Assert.Equal((SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512), (jwe.Alg, jwe.Enc));
        var wrongKey = new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) { KeyId = jwe.Kid };
        Assert.ThrowsAny<SecurityTokenException>(() => handler.DecryptToken(jwe, new TokenValidationParameters { TokenDecryptionKeys = [wrongKey] }));

        var key = TokenEncryptionKey.Credentials(Fixture.Services.GetRequiredService<CaseManagement.Infrastructure.Crypto.IMasterKeyProvider>()).Key;
        var inner = handler.ReadJsonWebToken(handler.DecryptToken(jwe, new TokenValidationParameters { TokenDecryptionKeys = [key] }));
        Assert.Equal(userId.ToString(), inner.Subject);
    }

    [Fact]
    public async Task An_authorization_code_works_once()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var code = await SignInFlow.AuthorizationCodeAsync(SignInFlow.Browser(Fixture.Host), staff, SignInFlow.DefaultScopes, out var verifier);
        var first = await SignInFlow.RedeemAsync(Fixture.Anonymous(), code, verifier);
        Assert.False(string.IsNullOrEmpty(first.AccessToken));

        var second = await Redeem(code, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(second));
    }

    [Fact]
    public async Task A_code_needs_the_verifier_that_matches_its_challenge()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var code = await SignInFlow.AuthorizationCodeAsync(SignInFlow.Browser(Fixture.Host), staff, SignInFlow.DefaultScopes, out _);
        var response = await Redeem(code, SignInFlow.Base64Url(new byte[32]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(response));
    }

    [Fact]
    public async Task Password_and_implicit_grants_are_refused()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var password = await Fixture.Anonymous().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = staff.UserName,
            ["password"] = staff.Password,
            ["client_id"] = SignInFlow.ClientId,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal("unsupported_grant_type", await ErrorAsync(password));

        var implicitFlow = await SignInFlow.Browser(Fixture.Host).GetAsync(
            $"/connect/authorize?client_id={SignInFlow.ClientId}&response_type=token&redirect_uri={Uri.EscapeDataString(SignInFlow.RedirectUri)}&scope=api&nonce=n&state=s");
        Assert.NotEqual(HttpStatusCode.OK, implicitFlow.StatusCode);
        Assert.DoesNotContain("/account/login", implicitFlow.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", implicitFlow.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_this_apis_audience_is_refused()
    {
        // Signed by this server and otherwise valid, but issued without the API scope, so without its audience.
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var tokens = await SignInFlow.SignInAsync(Fixture.Host, staff, "openid profile");
        var response = await Fixture.WithToken(tokens.AccessToken).GetAsync("/api/v1/beneficiaries");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_is_refused_at_once_with_a_still_valid_token()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var tokens = await SignInFlow.SignInAsync(Fixture.Host, staff);
        var client = Fixture.WithToken(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/beneficiaries")).StatusCode);

        await WithUserAsync(id, (users, user) => { user.IsDisabled = true; return users.UpdateAsync(user); });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/beneficiaries")).StatusCode);
        var refresh = await Refresh(tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    [Fact]
    public async Task Removing_a_role_takes_effect_on_the_next_request()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var client = Fixture.WithToken((await SignInFlow.SignInAsync(Fixture.Host, staff)).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/beneficiaries")).StatusCode);

        await WithUserAsync(id, (users, user) => users.RemoveFromRoleAsync(user, Roles.SocialWorker));

        await (await client.GetAsync("/api/v1/beneficiaries")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_used_one_is_refused()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var tokens = await SignInFlow.SignInAsync(Fixture.Host, staff);

        var first = await Refresh(tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var rotated = (await first.Content.ReadFromJsonAsync<SignInFlow.Tokens>())!;
        Assert.NotEqual(tokens.RefreshToken, rotated.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.WithToken(rotated.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);

        var reused = await Refresh(tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(reused));

        // A replay revokes the chain's token entries: the access token from the honest refresh stops too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.WithToken(rotated.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_and_a_locked_account_cannot_sign_in()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = SignInFlow.Browser(Fixture.Host);
        var login = new Uri("/account/login?returnUrl=%2F", UriKind.Relative);
        for (var i = 0; i < 5; i++)
        {
            var failed = await SignInFlow.PostLoginAsync(browser, login, staff with { Password = staff.Password + "x" });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode); // the form again, with a generic message
            Assert.Contains("Autentificarea nu a reușit", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var correct = await SignInFlow.PostLoginAsync(browser, login, staff);
        Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
        Assert.Contains("Autentificarea nu a reușit", await correct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_authenticator_code_fails_the_sign_in()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = SignInFlow.Browser(Fixture.Host);
        var wrong = Totp.Now(staff.AuthenticatorKey) == "000000" ? "111111" : "000000";
        var response = await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2F", UriKind.Relative), staff, wrong);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Autentificarea nu a reușit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authenticator_code_works_once()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var code = Totp.Now(staff.AuthenticatorKey);
        var login = new Uri("/account/login?returnUrl=%2F", UriKind.Relative);

        var first = await SignInFlow.PostLoginAsync(SignInFlow.Browser(Fixture.Host), login, staff, code);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var replay = await SignInFlow.PostLoginAsync(SignInFlow.Browser(Fixture.Host), login, staff, code);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("Autentificarea nu a reușit", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_sign_in_enrols_the_authenticator_before_any_token()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await WithUserAsync(id, (users, user) => users.SetTwoFactorEnabledAsync(user, false));
        var browser = SignInFlow.Browser(Fixture.Host);

        var enrol = await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2Fhome", UriKind.Relative), staff, code: "");
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.StartsWith("/account/enrol", enrol.Headers.Location!.ToString(), StringComparison.Ordinal);

        var page = await browser.GetStringAsync(enrol.Headers.Location);
        var key = System.Text.RegularExpressions.Regex.Match(page, "<code id=\"shared-key\">([^<]+)</code>").Groups[1].Value;
        var confirm = await browser.PostAsync("/account/enrol", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = Totp.Now(key),
            ["returnUrl"] = SignInFlow.Field(SignInFlow.Form(page, "/account/enrol"), "returnUrl"),
            ["__RequestVerificationToken"] = SignInFlow.Field(page, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal("/home", confirm.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_command_line_client_signs_in_with_the_device_flow()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var cli = Fixture.Anonymous();
        var device = JsonNode.Parse(await (await cli.PostAsync("/connect/device", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = SignInFlow.DeviceClientId,
            ["scope"] = "api offline_access",
        }))).Content.ReadAsStringAsync())!;
        var userCode = (string)device["user_code"]!;
        var poll = new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["device_code"] = (string)device["device_code"]!,
            ["client_id"] = SignInFlow.DeviceClientId,
        };
        var pending = await cli.PostAsync("/connect/token", new FormUrlEncodedContent(poll));
        Assert.Equal("authorization_pending", await ErrorAsync(pending));

        // The person, in a browser: opens the verification page, signs in, confirms the code.
        var browser = SignInFlow.Browser(Fixture.Host);
        var verify = await browser.GetAsync("/connect/verify?user_code=" + Uri.EscapeDataString(userCode));
        Assert.Equal(HttpStatusCode.Redirect, verify.StatusCode);
        var login = await SignInFlow.PostLoginAsync(browser, verify.Headers.Location!, staff);
        var confirmed = await SignInFlow.ConfirmDeviceAsync(browser, await browser.GetStringAsync(login.Headers.Location), userCode);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var granted = await cli.PostAsync("/connect/token", new FormUrlEncodedContent(poll));
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var tokens = (await granted.Content.ReadFromJsonAsync<SignInFlow.Tokens>())!;
        Assert.Equal(HttpStatusCode.OK, (await Fixture.WithToken(tokens.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(await cli.PostAsync("/connect/token", new FormUrlEncodedContent(poll)))); // once only
    }

    [Fact]
    public async Task Each_role_reaches_only_its_operations()
    {
        var owner = await Fixture.ClientAsync(Fixture.OrganisationA);
        var beneficiary = await owner.RegisterAsync(Beneficiary("Role Person"));
        var caseId = (Guid)(await owner.OpenCaseAsync(beneficiary, Fixture.DaysAgo(400)))["id"]!;

        var lawyer = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Lawyer);
        await (await lawyer.PostAsync("/api/v1/beneficiaries", Body(Beneficiary("Nadia Lawyer-Refused")))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await lawyer.GetAsync($"/api/v1/cases/{caseId}/notes")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await lawyer.PostJsonAsync("/api/v1/beneficiaries/search", new { fullName = "Role Person" })).StatusCode);

        var coordinator = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        await (await owner.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version = 0, reason = "Other", note = "Private closure detail", closedOn = Fixture.DaysAgo(373) })).ReadObjectAsync(HttpStatusCode.OK);
        var summary = await (await coordinator.GetAsync($"/api/v1/cases/{caseId}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Null((string?)summary["closureNote"]); // a summary: no free text about the person
        Assert.Equal("Private closure detail", (string?)(await (await owner.GetAsync($"/api/v1/cases/{caseId}")).ReadObjectAsync(HttpStatusCode.OK))["closureNote"]);
        await (await coordinator.GetAsync($"/api/v1/beneficiaries/{beneficiary}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content = "x" })).ProblemAsync(HttpStatusCode.Forbidden);

        var admin = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin);
        await (await admin.GetAsync($"/api/v1/cases/{caseId}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/v1/beneficiaries")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private Task<HttpResponseMessage> Redeem(string code, string verifier) =>
        Fixture.Anonymous().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = SignInFlow.RedirectUri,
            ["client_id"] = SignInFlow.ClientId,
            ["code_verifier"] = verifier,
        }));

    private Task<HttpResponseMessage> Refresh(string refreshToken) =>
        Fixture.Anonymous().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = SignInFlow.ClientId,
        }));

    private static async Task<string?> ErrorAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error"];

    private async Task WithUserAsync(Guid id, Func<UserManager<ApplicationUser>, ApplicationUser, Task> change)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await change(users, (await users.FindByIdAsync(id.ToString()))!);
    }
}
