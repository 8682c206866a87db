using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>The HTML pages a person sees: their security headers, and what makes them usable (issue 6, items 3 and 15).</summary>
public abstract partial class PagesSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task Every_html_page_forbids_framing_inline_script_and_other_origins_and_sends_no_referrer()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await Fixture.WithUserAsync(id, (users, user) => users.SetTwoFactorEnabledAsync(user, false));
        var browser = SignInFlow.Browser(Fixture.Host);
        var enrol = await SignInFlow.PostLoginAsync(browser, new Uri("/account/login", UriKind.Relative), staff, code: "");
        // The enrolment page has no language switch: opening it again would make a new key, voiding one already scanned.
        Assert.DoesNotContain("action=\"/culture\"", await browser.GetStringAsync(enrol.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var (signedInStaff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var signedIn = SignInFlow.Browser(Fixture.Host);
        await SignInFlow.PostLoginAsync(signedIn, new Uri("/account/login", UriKind.Relative), signedInStaff);

        var pages = new (HttpClient Browser, string Path)[]
        {
            (browser, "/account/login"),
            (browser, enrol.Headers.Location!.OriginalString),
            (signedIn, "/connect/verify"),
            (browser, "/account/done"),
            (browser, "/"),
            (signedIn, "/"),
            (signedIn, "/account/passkeys"),
            (browser, "/connect/authorize?client_id=nobody&response_type=code"),
        };
        foreach (var (client, path) in pages)
        {
            var response = await client.GetAsync(path);
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var policy = Directives(response);
            Assert.True(policy["default-src"] == "'self'", $"{path}: {policy["default-src"]}");
            Assert.True(policy["script-src"] == "'self'", $"{path}: {policy["script-src"]}");
            Assert.True(policy["style-src"] == "'self'", $"{path}: {policy["style-src"]}");
            Assert.True(policy["frame-ancestors"] == "'none'", path);
            Assert.True(policy["object-src"] == "'none'" && policy["base-uri"] == "'none'", path);
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            // A script is a file of this host's (the sign-in's passkey script); nothing inline.
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=\"/assets/)|style=|\\son[a-z]+=", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_reference_page_allows_only_its_own_inline_script_by_hash_and_nothing_from_other_hosts()
    {
        var response = await Fixture.Anonymous().GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var policy = Directives(response);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());

        var inline = InlineScripts().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(inline);
        var allowed = policy["script-src"].Split(' ');
        Assert.DoesNotContain("'unsafe-inline'", allowed);
        Assert.DoesNotContain("'unsafe-eval'", allowed);
        Assert.All(inline, script => Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'", allowed));
        Assert.Equal(inline.Count + 1, allowed.Length); // 'self' and the hashes, nothing else

        // Pre-filled Authorize: the reference client and the API scope; no default fonts from a CDN.
        Assert.Contains("\"x-scalar-client-id\":\"api-reference\"", html, StringComparison.Ordinal);
        Assert.Contains("\"selectedScopes\":[\"api\"]", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public async Task The_openapi_document_declares_the_authorization_code_flow_with_the_api_scope()
    {
        var document = JsonNode.Parse(await Fixture.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var flow = document["components"]!["securitySchemes"]!["OAuth2"]!["flows"]!["authorizationCode"]!;
        Assert.Equal("/connect/authorize", (string?)flow["authorizationUrl"]);
        Assert.Equal("/connect/token", (string?)flow["tokenUrl"]);
        Assert.NotNull(flow["scopes"]!["api"]);
        // The reference page opens a scheme's first flow: a person's scheme offers no other.
        Assert.Equal(["authorizationCode"], document["components"]!["securitySchemes"]!["OAuth2"]!["flows"]!.AsObject().Select(f => f.Key));
        Assert.Equal("api", (string?)document["paths"]!["/api/v1/beneficiaries"]!["post"]!["security"]![0]!["OAuth2"]![0]);
    }

    [Fact]
    public async Task The_favicon_stylesheet_and_home_page_answer_without_a_token()
    {
        var anonymous = SignInFlow.Browser(Fixture.Host);
        var icon = await anonymous.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/favicon.svg")).StatusCode);
        var css = await anonymous.GetAsync("/assets/signin.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("http", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var home = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("href=\"/account/login\"", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_address_is_the_pages_404_once_signed_in_while_the_api_keeps_its_problem()
    {
        var anonymous = SignInFlow.Browser(Fixture.Host);
        var challenged = await anonymous.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.Equal("/account/login", challenged.Headers.Location!.AbsolutePath);

        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = SignInFlow.Browser(Fixture.Host);
        await SignInFlow.PostLoginAsync(browser, new Uri("/account/login", UriKind.Relative), staff);
        foreach (var path in new[] { "/no-such-page", "/cases/not-an-id", "/staff/1/2/3" })
        {
            var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("<h1>Nu a fost găsit</h1>", page, StringComparison.Ordinal);
            Assert.Contains("href=\"/start\"", page, StringComparison.Ordinal); // in the layout, with the navigation
        }

        // The API's unknown addresses stay the API's: a problem, never a page.
        var api = await browser.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.NotEqual("text/html", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_pages_about_a_persons_data_are_the_organisation_admins_and_another_organisations_record_is_not_found()
    {
        var personId = await (await Fixture.ClientAsync(Fixture.OrganisationA)).RegisterAsync(ApiCalls.Beneficiary("Records Person"));
        foreach (var (organisation, role, expected) in new[]
        {
            (Fixture.OrganisationA, Roles.SocialWorker, HttpStatusCode.Forbidden),
            (Fixture.OrganisationA, Roles.Coordinator, HttpStatusCode.Forbidden),
            (Fixture.OrganisationA, Roles.Lawyer, HttpStatusCode.Forbidden),
            (Fixture.OrganisationB, Roles.OrganisationAdmin, HttpStatusCode.NotFound),
            (Fixture.OrganisationA, Roles.OrganisationAdmin, HttpStatusCode.OK),
        })
        {
            var (staff, _) = await Fixture.CreateUserAsync(organisation, role);
            var browser = SignInFlow.Browser(Fixture.Host);
            await SignInFlow.PostLoginAsync(browser, new Uri("/account/login", UriKind.Relative), staff);
            var record = await browser.GetAsync($"/records/{personId}");
            Assert.True(record.StatusCode == expected, $"{role} of {organisation}: {record.StatusCode}");
            Assert.Equal("text/html", record.Content.Headers.ContentType?.MediaType); // a refusal is a page too, in the layout
            Assert.DoesNotContain("Records Person", await record.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var list = await browser.GetAsync("/records");
            Assert.Equal(expected == HttpStatusCode.Forbidden ? HttpStatusCode.Forbidden : HttpStatusCode.OK, list.StatusCode);
        }
    }

    [Fact]
    public async Task A_sign_in_without_a_return_url_lands_on_a_home_page_that_names_the_person()
    {
        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = SignInFlow.Browser(Fixture.Host);
        var login = await SignInFlow.PostLoginAsync(browser, new Uri("/account/login", UriKind.Relative), staff);
        Assert.Equal("/", login.Headers.Location!.OriginalString);
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var page = await home.Content.ReadAsStringAsync();
        Assert.Contains($"<strong id=\"signed-in-as\">{staff.UserName}</strong>", page, StringComparison.Ordinal);

        var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignInFlow.Field(page, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.DoesNotContain(staff.UserName, await browser.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oauth_error_that_cannot_go_back_to_the_client_is_a_readable_page()
    {
        var response = await SignInFlow.Browser(Fixture.Host).GetAsync("/connect/authorize?response_type=code&scope=api");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Acest link de autentificare nu funcționează</h1>", page, StringComparison.Ordinal);
        Assert.Contains("invalid_request", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_enrolment_page_explains_the_steps_and_shows_the_key_as_a_qr_code()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await Fixture.WithUserAsync(id, (users, user) => users.SetTwoFactorEnabledAsync(user, false));
        var browser = SignInFlow.Browser(Fixture.Host);
        var login = await SignInFlow.PostLoginAsync(browser, new Uri("/account/login", UriKind.Relative), staff, code: "");
        var page = await browser.GetStringAsync(login.Headers.Location);
        Assert.Contains("aplicație de autentificare", page, StringComparison.Ordinal);
        var qr = Regex.Match(page, "<img class=\"qr\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
        Assert.True(qr.Success, "no QR code");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(qr.Groups[1].Value)[..4]);

        var login2 = await SignInFlow.Browser(Fixture.Host).GetStringAsync("/account/login");
        Assert.Contains("codurile de recuperare", login2, StringComparison.Ordinal); // the login page says what to type without the phone
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"no CSP on {response.RequestMessage?.RequestUri}");
        return values.Single().Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScripts();
}
