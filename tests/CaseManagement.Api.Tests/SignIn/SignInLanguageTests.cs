using System.Net;
using System.Text.RegularExpressions;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Api.Tests.Providers;
using CaseManagement.Application.Common.Security;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>
/// The sign-in's own pages speak the web application's language: Romanian until a person chooses
/// English with the switch every page carries, which posts to /culture with its checks (the
/// antiforgery token, a local address to come back to). Refusals are translated and say no more in
/// one language than in the other. The API's answers stay English whatever the cookie says.
/// </summary>
public sealed partial class SignInLanguageTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    private const string Login = "/account/login?returnUrl=%2Fcaseload";

    [Fact]
    public async Task The_sign_in_page_is_Romanian_by_default_and_English_after_the_switch_with_the_same_return_address()
    {
        var browser = SignInFlow.Browser(fixture.Host);
        var page = await browser.GetStringAsync(Login);
        Assert.Contains("<html lang=\"ro\">", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"userName\">Nume de utilizator</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Parolă</label>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Autentificare · CaseManagement</title>", page, StringComparison.Ordinal);
        var language = SignInFlow.Form(page, "/culture");
        Assert.Equal(Login, SignInFlow.Field(language, "returnUrl"));
        Assert.Matches("value=\"ro-RO\"[^>]*aria-pressed=\"true\"", language);
        Assert.Matches("value=\"en-GB\"[^>]*aria-pressed=\"false\"", language);

        var chosen = await ChooseAsync(browser, page, "en-GB");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(Login, chosen.Headers.Location!.OriginalString);
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("casemanagement.culture=", StringComparison.Ordinal));

        var english = await browser.GetStringAsync(Login);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<label for=\"userName\">User name</label>", english, StringComparison.Ordinal);
        Assert.Equal("/caseload", SignInFlow.Field(SignInFlow.Form(english, "/account/login"), "returnUrl"));

        // And back: Romanian is a choice like the other.
        await ChooseAsync(browser, english, "ro-RO");
        Assert.Contains("<html lang=\"ro\">", await browser.GetStringAsync(Login), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_switch_without_its_token_or_towards_another_site_changes_nothing_or_stays_home()
    {
        var browser = SignInFlow.Browser(fixture.Host);
        var page = await browser.GetStringAsync(Login);
        var forged = await browser.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("<html lang=\"ro\">", await browser.GetStringAsync(Login), StringComparison.Ordinal);

        var offSite = await browser.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en-GB",
            ["returnUrl"] = "//evil.example/account/login",
            ["__RequestVerificationToken"] = SignInFlow.Field(page, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, offSite.StatusCode);
        Assert.Equal("/", offSite.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_refusal_is_said_in_the_pages_language_and_the_same_for_a_wrong_password_and_an_unknown_name()
    {
        var (staff, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var romanian = SignInFlow.Browser(fixture.Host);
        var english = SignInFlow.Browser(fixture.Host);
        await ChooseAsync(english, await english.GetStringAsync(Login), "en-GB");

        foreach (var (browser, expected) in new[]
        {
            (romanian, "Autentificarea nu a reușit. Verificați datele introduse sau, dacă acest cont este blocat, încercați mai târziu."),
            (english, "Sign-in failed. Check your details, or try again later if the account is locked."),
        })
        {
            var wrongPassword = await SignInFlow.PostLoginAsync(browser, new Uri(Login, UriKind.Relative), staff with { Password = staff.Password + "x" });
            var unknownName = await SignInFlow.PostLoginAsync(browser, new Uri(Login, UriKind.Relative), staff with { UserName = "nobody." + Guid.NewGuid().ToString("N")[..8] });
            Assert.Equal(expected, Alert(await wrongPassword.Content.ReadAsStringAsync()));
            Assert.Equal(expected, Alert(await unknownName.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task A_signed_in_person_switches_the_language_of_an_account_page()
    {
        var (staff, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var browser = SignInFlow.Browser(fixture.Host);
        var signedIn = await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2Faccount%2Fpassword", UriKind.Relative), staff);
        Assert.Equal("/account/password", signedIn.Headers.Location!.OriginalString);
        var page = await browser.GetStringAsync("/account/password");
        Assert.Contains("<label for=\"currentPassword\">Parola actuală</label>", page, StringComparison.Ordinal);

        // The switch's token was made for the person the cookie names, as /culture checks it.
        var chosen = await ChooseAsync(browser, page, "en-GB");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/account/password", chosen.Headers.Location!.OriginalString);
        Assert.Contains("<label for=\"currentPassword\">Current password</label>", await browser.GetStringAsync("/account/password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_form_still_works_after_a_sign_in_in_another_tab_and_shows_no_switch_it_could_not_keep()
    {
        var (staff, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var browser = SignInFlow.Browser(fixture.Host);
        var firstTab = await browser.GetStringAsync(Login);
        var secondTab = await SignInFlow.PostLoginAsync(browser, new Uri(Login, UriKind.Relative), staff);
        Assert.Equal(HttpStatusCode.Redirect, secondTab.StatusCode);

        // The first tab's form was made for nobody in particular, and is taken as such.
        var again = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = staff.UserName,
            ["password"] = staff.Password,
            ["code"] = Totp.At(staff.AuthenticatorKey, DateTimeOffset.UtcNow.AddSeconds(30)),
            ["returnUrl"] = "/caseload",
            ["__RequestVerificationToken"] = SignInFlow.Field(firstTab, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        // Signed in, the sign-in page offers no switch: /culture would check its token against the person, and refuse it.
        Assert.DoesNotContain("action=\"/culture\"", await browser.GetStringAsync(Login), StringComparison.Ordinal);
        Assert.Contains("action=\"/culture\"", await browser.GetStringAsync("/account/password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_in_English_whatever_the_culture_cookie_says()
    {
        var client = await fixture.ClientAsync(fixture.OrganisationA);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/beneficiaries") { Content = ApiCalls.Body(ApiCalls.Beneficiary("1234")) };
        request.Headers.Add("Cookie", "casemanagement.culture=" + Uri.EscapeDataString("c=ro-RO|uic=ro-RO"));
        var problem = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The request is invalid.", (string?)problem["title"]);
        Assert.Contains("A name holds at least one letter.", problem["errors"]!.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>Posts the page's language switch, as its button would.</summary>
    private static Task<HttpResponseMessage> ChooseAsync(HttpClient browser, string page, string culture)
    {
        var form = SignInFlow.Form(page, "/culture");
        return browser.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = culture,
            ["returnUrl"] = SignInFlow.Field(form, "returnUrl"),
            ["__RequestVerificationToken"] = SignInFlow.Field(form, "__RequestVerificationToken"),
        }));
    }

    private static string Alert(string html)
    {
        var match = AlertText().Match(html);
        Assert.True(match.Success, "no alert on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<p role=\"alert\">([^<]*)</p>")]
    private static partial Regex AlertText();
}
