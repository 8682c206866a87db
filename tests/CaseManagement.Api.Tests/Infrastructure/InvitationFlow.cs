using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>A person accepting their invitation in a browser: open the link, choose a password, enrol an authenticator.</summary>
public static partial class InvitationFlow
{
    public sealed record Accepted(SignInFlow.StaffCredentials Staff, IReadOnlyList<string> RecoveryCodes);

    /// <summary>The token: the part of the link after '#', which a browser never sends to the server.</summary>
    public static string Token(string link)
    {
        var at = link.IndexOf('#', StringComparison.Ordinal);
        Assert.True(at > 0, "the link carries its token in the fragment");
        Assert.Contains("/account/invitation#", link, StringComparison.Ordinal);
        return link[(at + 1)..];
    }

    /// <summary>Posts the token as the landing page's script does; returns the answer (the set-up page, or why the link is unusable).</summary>
    public static async Task<HttpResponseMessage> OpenAsync(HttpClient browser, string token)
    {
        var landing = await browser.GetStringAsync("/account/invitation");
        return await browser.PostAsync("/account/invitation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["__RequestVerificationToken"] = SignInFlow.Field(landing, "__RequestVerificationToken"),
        }));
    }

    /// <summary>Submits the set-up form of <paramref name="setupPage"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string setupPage, string password, string? repeat = null, string? code = null) =>
        browser.PostAsync("/account/invitation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = SignInFlow.Field(setupPage, "token"),
            ["password"] = password,
            ["repeat"] = repeat ?? password,
            ["code"] = code ?? Totp.Now(SharedKey(setupPage)),
            ["__RequestVerificationToken"] = SignInFlow.Field(setupPage, "__RequestVerificationToken"),
        }));

    /// <summary>The whole path from the link to an account that can sign in.</summary>
    public static Task<Accepted> AcceptAsync(WebApplicationFactory<Program> factory, string userName, string link, string? password = null) =>
        AcceptAsync(SignInFlow.Browser(factory), userName, link, password);

    /// <inheritdoc cref="AcceptAsync(WebApplicationFactory{Program}, string, string, string?)"/>
    public static async Task<Accepted> AcceptAsync(HttpClient browser, string userName, string link, string? password = null)
    {
        var opened = await OpenAsync(browser, Token(link));
        var setup = await opened.Content.ReadAsStringAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.OK, $"open: {(int)opened.StatusCode} {setup}");
        Assert.DoesNotContain("action=\"/culture\"", setup, StringComparison.Ordinal); // a switch would carry the token through the server
        password ??= "a long walk by the quiet river " + Guid.NewGuid().ToString("N")[..6];
        // The previous step's code (still accepted): the sign-in that follows may use the current one, as a code works once.
        var done = await SubmitAsync(browser, setup, password, code: Totp.At(SharedKey(setup), await Totp.PreviousStepAsync()));
        var page = await done.Content.ReadAsStringAsync();
        Assert.True(done.StatusCode == HttpStatusCode.OK && page.Contains("recovery-codes", StringComparison.Ordinal), $"accept: {(int)done.StatusCode} {page}");
        return new Accepted(new SignInFlow.StaffCredentials(userName, password, SharedKey(setup)), RecoveryCodes(page));
    }

    public static string SharedKey(string setupPage)
    {
        var match = SharedKeyPattern().Match(setupPage);
        Assert.True(match.Success, "no authenticator key in the page");
        return match.Groups[1].Value;
    }

    public static IReadOnlyList<string> RecoveryCodes(string acceptedPage) =>
        [.. RecoveryCodePattern().Matches(acceptedPage[acceptedPage.IndexOf("recovery-codes", StringComparison.Ordinal)..]).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<code id=\"shared-key\">([A-Z2-7]+)</code>")]
    private static partial Regex SharedKeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
