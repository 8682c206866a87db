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
        Assert.Equal("/", SignInFlow.Field(SignInFlow.Form(page, "/account/login"), "returnUrl"));

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
        Assert.Equal("/", SignInFlow.Field(SignInFlow.Form(page, "/account/login"), "returnUrl"));
    }

    [Fact]
    public async Task A_local_return_url_is_kept()
    {
        var page = await SignInFlow.Browser(Fixture.Host).GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString("/connect/authorize?client_id=x&scope=api%20openid"));
        Assert.Equal("/connect/authorize?client_id=x&scope=api%20openid", SignInFlow.Field(SignInFlow.Form(page, "/account/login"), "returnUrl"));
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
        Assert.Contains("Codul nu se potrivește", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
            ["code"] = Totp.At(key, DateTimeOffset.UtcNow.AddSeconds(30)),
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
        Assert.Contains("necunoscut sau a expirat", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var confirmed = await SignInFlow.ConfirmDeviceAsync(browser, page, userCode);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cli.PostAsync("/connect/token", new FormUrlEncodedContent(poll))).StatusCode);
    }

    [Fact]
    public async Task Authenticator_seeds_are_sealed_at_rest_and_sign_in_still_works()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);

        // What a stolen table shows: no seed, in any of the encodings an attacker would try.
        var stored = await Fixture.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Value\" FROM \"AspNetUserTokens\" WHERE \"Name\" = 'AuthenticatorKey'").ToListAsync());
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

    [Fact]
    public async Task Each_lockout_lasts_twice_the_last_and_the_person_is_told_for_how_long()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var login = new Uri("/account/login", UriKind.Relative);
        var browser = SignInFlow.Browser(Fixture.Host);
        var wrong = staff with { Password = staff.Password + "x" };

        Assert.Contains("blocat pentru 15 minute", await FailTimesAsync(browser, login, wrong, 5), StringComparison.Ordinal);
        // While locked, even the right password and code only hear how long is left.
        var right = await SignInFlow.PostLoginAsync(browser, login, staff);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("blocat pentru 15 minute", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The lockout runs out; the next one lasts twice as long.
        await Fixture.WithUserAsync(id, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddSeconds(-1)));
        Assert.Contains("blocat pentru 30 de minute", await FailTimesAsync(browser, login, wrong, 5), StringComparison.Ordinal);
        await Fixture.WithUserAsync(id, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddSeconds(-1)));
        Assert.Contains("blocat pentru 60 de minute", await FailTimesAsync(browser, login, wrong, 5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_name_is_answered_exactly_like_a_known_one_with_a_wrong_password()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var login = new Uri("/account/login", UriKind.Relative);
        var known = staff with { Password = staff.Password + "x" };
        var unknown = staff with { UserName = "nobody-" + Guid.NewGuid().ToString("N") };
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var a = await FailTimesAsync(SignInFlow.Browser(Fixture.Host), login, known, 1);
            var b = await FailTimesAsync(SignInFlow.Browser(Fixture.Host), login, unknown, 1);
            Assert.Equal(Alert(a), Alert(b));
            Assert.Contains(attempt < 5 ? "Verificați datele introduse" : "blocat pentru 15 minute", Alert(a), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Benchmark-style, not a timed assertion: many alternated samples, medians compared with a wide
    /// tolerance. Without the dummy hash an unknown name answers in a fraction of a known one's time.
    /// </summary>
    [Fact]
    public async Task An_unknown_user_name_costs_what_a_known_one_costs()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var known = staff with { Password = staff.Password + "x" };
        var unknown = staff with { UserName = "nobody-" + Guid.NewGuid().ToString("N") };
        var browser = SignInFlow.Browser(Fixture.Host);
        var page = await browser.GetStringAsync("/account/login");
        // The known account is never locked by the samples (a locked account is compared elsewhere).
        Task NotLockedAsync() => Fixture.WithUserAsync(id, async (users, user) => await users.ResetAccessFailedCountAsync(user));
        var token = SignInFlow.Field(page, "__RequestVerificationToken");
        async Task<double> TimeAsync(SignInFlow.StaffCredentials who)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = who.UserName, ["password"] = who.Password, ["code"] = "000000", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            });
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var response = await browser.PostAsync("/account/login", form);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return elapsed;
        }

        await TimeAsync(known); // warm-up: first calls compile code paths
        await TimeAsync(unknown);
        var knownSamples = new List<double>();
        var unknownSamples = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            await NotLockedAsync();
            knownSamples.Add(await TimeAsync(known));
            unknownSamples.Add(await TimeAsync(unknown));
        }

        var ratio = Median(unknownSamples) / Median(knownSamples);
        Assert.True(ratio is > 0.5 and < 2.0,
            $"median unknown {Median(unknownSamples):F1} ms, known {Median(knownSamples):F1} ms (ratio {ratio:F2})");
    }

    private static double Median(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<string> FailTimesAsync(HttpClient browser, Uri login, SignInFlow.StaffCredentials staff, int times)
    {
        var page = string.Empty;
        for (var i = 0; i < times; i++)
        {
            var response = await SignInFlow.PostLoginAsync(browser, login, staff, "000000");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            page = await response.Content.ReadAsStringAsync();
        }

        return page;
    }

    private static string Alert(string page) => System.Text.RegularExpressions.Regex.Match(page, "<p role=\"alert\">([^<]*)</p>").Groups[1].Value;

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
            ["returnUrl"] = SignInFlow.Field(SignInFlow.Form(page, "/account/enrol"), "returnUrl"),
            ["__RequestVerificationToken"] = SignInFlow.Field(page, "__RequestVerificationToken"),
        }));

    private static string SharedKey(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "<code id=\"shared-key\">([^<]+)</code>");
        Assert.True(match.Success, "no key on the enrolment page");
        return match.Groups[1].Value;
    }
}
