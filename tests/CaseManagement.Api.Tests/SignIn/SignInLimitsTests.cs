using System.Net;
using CaseManagement.Api.Tests.Infrastructure;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>Rate limits by user name and by (forwarded) client address: one shared address does not lock everyone out.</summary>
public sealed class SignInLimitsTests(LimitedFixture fixture) : IClassFixture<LimitedFixture>
{
    [Fact]
    public async Task Attempts_are_limited_per_user_name_and_per_client_address_read_from_the_known_proxy()
    {
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };
        var page = await SendAsync(browser, HttpMethod.Get, "10.0.0.1", null); // 1 request from 10.0.0.1
        var token = SignInFlow.Field(await page.Content.ReadAsStringAsync(), "__RequestVerificationToken");

        for (var i = 0; i < LimitedFixture.PerUserName; i++) // requests 2..4
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(browser, HttpMethod.Post, "10.0.0.1", Form("alpha", token))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(browser, HttpMethod.Post, "10.0.0.1", Form("alpha", token))).StatusCode); // 5
        // Another name from the same address is not held back by alpha's limit.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(browser, HttpMethod.Post, "10.0.0.1", Form("beta", token))).StatusCode); // 6

        // The address limit counts the forwarded client, not the proxy: 10.0.0.1 is spent, 10.0.0.2 is not.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(browser, HttpMethod.Get, "10.0.0.1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(browser, HttpMethod.Get, "10.0.0.2", null)).StatusCode);
    }

    private static Dictionary<string, string> Form(string userName, string token) => new()
    {
        ["userName"] = userName,
        ["password"] = "not-the-password",
        ["code"] = string.Empty,
        ["returnUrl"] = "/",
        ["__RequestVerificationToken"] = token,
    };

    private static Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string client, Dictionary<string, string>? form)
    {
        var request = new HttpRequestMessage(method, "/account/login") { Content = form is null ? null : new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Forwarded-For", client);
        return browser.SendAsync(request);
    }
}
