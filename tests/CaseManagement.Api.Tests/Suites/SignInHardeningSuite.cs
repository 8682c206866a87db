using System.Net;
using System.Text;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>The sign-in pages against the tricks a hostile link or a second browser would try (issue 6).</summary>
public abstract class SignInHardeningSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    /// <summary>Return URLs a browser would turn into another site: tab, line breaks, backslashes, scheme-relative, absolute.</summary>
    public static TheoryData<string> OffSiteReturnUrls => new()
    {
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "/\\evil.example",
        "/x\\..\\\\evil.example",
        "//evil.example",
        "https://evil.example/",
        "/\u007f/evil.example",
    };

    [Theory]
    [MemberData(nameof(OffSiteReturnUrls))]
    public async Task A_return_url_that_could_leave_the_site_becomes_the_home_page(string returnUrl)
    {
        var browser = SignInFlow.Browser(Fixture.Host);
        var page = await browser.GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("/", SignInFlow.Field(page, "returnUrl"));

        // Posted directly, past the page: a successful sign-in still goes home.
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = staff.UserName,
            ["password"] = staff.Password,
            ["code"] = Totp.Now(staff.AuthenticatorKey),
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = SignInFlow.Field(page, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_return_url_with_a_null_character_becomes_the_home_page()
    {
        var page = await SignInFlow.Browser(Fixture.Host).GetStringAsync("/account/login?returnUrl=%2F%00%2Fevil.example");
        Assert.Equal("/", SignInFlow.Field(page, "returnUrl"));
    }

    [Fact]
    public async Task A_local_return_url_is_kept()
    {
        var page = await SignInFlow.Browser(Fixture.Host).GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString("/connect/authorize?client_id=x&scope=api%20openid"));
        Assert.Equal("/connect/authorize?client_id=x&scope=api%20openid", SignInFlow.Field(page, "returnUrl"));
    }

    [Fact]
    public async Task Each_view_of_the_enrolment_page_shows_a_fresh_key()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await Fixture.WithUserAsync(id, (users, user) => users.SetTwoFactorEnabledAsync(user, false));
        var browser = SignInFlow.Browser(Fixture.Host);
        var enrol = await PasswordOnlyAsync(browser, staff);

        var first = SharedKey(await browser.GetStringAsync(enrol));
        var second = SharedKey(await browser.GetStringAsync(enrol));
        Assert.NotEqual(first, second);

        // Only the key shown last counts: a code from the earlier one is refused.
        var stale = await ConfirmAsync(browser, await browser.GetStringAsync(enrol), first);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("did not match", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_two_factor_is_on_the_enrolment_page_and_post_are_refused()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await Fixture.WithUserAsync(id, (users, user) => users.SetTwoFactorEnabledAsync(user, false));

        // Three browsers prove the password before any enrols; the first one enrols.
        var first = SignInFlow.Browser(Fixture.Host);
        var second = SignInFlow.Browser(Fixture.Host);
        var third = SignInFlow.Browser(Fixture.Host);
        var enrol = await PasswordOnlyAsync(first, staff);
        await PasswordOnlyAsync(second, staff);
        await PasswordOnlyAsync(third, staff);
        var page = await first.GetStringAsync(enrol);
        var key = SharedKey(page);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(first, page, key)).StatusCode);

        // The others' pending sign-ins must neither see the enrolled seed nor replace it.
        var view = await second.GetAsync(enrol);
        var viewed = await view.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, view.StatusCode);
        Assert.DoesNotContain(key, viewed, StringComparison.Ordinal);
        Assert.DoesNotContain("shared-key", viewed, StringComparison.Ordinal);

        var thirdsForm = await third.GetStringAsync("/account/login");
        var replace = await third.PostAsync("/account/enrol", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = Totp.Now(key, 1),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = SignInFlow.Field(thirdsForm, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Conflict, replace.StatusCode);
        Assert.Equal(key, await Fixture.WithUserAsync(id, (users, user) => users.GetAuthenticatorKeyAsync(user)));
    }

    [Fact]
    public async Task The_device_code_is_typed_not_taken_from_the_link_and_the_client_is_named_before_confirming()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var cli = Fixture.Anonymous();
        var device = System.Text.Json.Nodes.JsonNode.Parse(await (await cli.PostAsync("/connect/device", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = SignInFlow.DeviceClientId,
            ["scope"] = "api",
        }))).Content.ReadAsStringAsync())!;
        var userCode = (string)device["user_code"]!;

        // verification_uri_complete carries the code; the page after sign-in must not offer it.
        var browser = SignInFlow.Browser(Fixture.Host);
        var verify = await browser.GetAsync("/connect/verify?user_code=" + Uri.EscapeDataString(userCode));
        var login = await SignInFlow.PostLoginAsync(browser, verify.Headers.Location!, staff);
        var page = await browser.GetStringAsync(login.Headers.Location);
        Assert.DoesNotContain(userCode, page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(userCode.Replace("-", "", StringComparison.Ordinal), page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("client-name", page, StringComparison.Ordinal);

        // Typing the code names the client, and grants nothing yet.
        var typed = await browser.PostAsync("/connect/verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user_code"] = userCode,
            ["__RequestVerificationToken"] = SignInFlow.Field(page, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Contains("<span class=\"client\" id=\"client-name\">Test command line</span>", await typed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var poll = new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["device_code"] = (string)device["device_code"]!,
            ["client_id"] = SignInFlow.DeviceClientId,
        };
        Assert.Contains("authorization_pending", await (await cli.PostAsync("/connect/token", new FormUrlEncodedContent(poll))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unknown = await browser.PostAsync("/connect/verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user_code"] = "WRONG-CODE",
            ["__RequestVerificationToken"] = SignInFlow.Field(page, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("unknown or has expired", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var confirmed = await SignInFlow.ConfirmDeviceAsync(browser, page, userCode);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cli.PostAsync("/connect/token", new FormUrlEncodedContent(poll))).StatusCode);
    }

    [Fact]
    public async Task Authenticator_seeds_are_sealed_at_rest_and_sign_in_still_works()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);

        // What a stolen table shows: no seed, in any of the encodings an attacker would try.
        var stored = await Fixture.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Value\" FROM \"AspNetUserTokens\"").ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, value => Assert.StartsWith("v1:", value, StringComparison.Ordinal));
        var seed = staff.AuthenticatorKey;
        var raw = await Fixture.RawDatabaseContentsAsync();
        Assert.DoesNotContain(seed, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(seed)), raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes(seed)), raw, StringComparison.OrdinalIgnoreCase);

        var tokens = await SignInFlow.SignInAsync(Fixture.Host, staff);
        Assert.Equal(HttpStatusCode.OK, (await Fixture.WithToken(tokens.AccessToken).GetAsync("/api/v1/beneficiaries")).StatusCode);
    }

    private static async Task<Uri> PasswordOnlyAsync(HttpClient browser, SignInFlow.StaffCredentials staff)
    {
        var response = await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2F", UriKind.Relative), staff, code: "");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/enrol", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return response.Headers.Location;
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient browser, string page, string key) =>
        browser.PostAsync("/account/enrol", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = Totp.Now(key),
            ["returnUrl"] = SignInFlow.Field(page, "returnUrl"),
            ["__RequestVerificationToken"] = SignInFlow.Field(page, "__RequestVerificationToken"),
        }));

    private static string SharedKey(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "<code id=\"shared-key\">([^<]+)</code>");
        Assert.True(match.Success, "no key on the enrolment page");
        return match.Groups[1].Value;
    }
}
