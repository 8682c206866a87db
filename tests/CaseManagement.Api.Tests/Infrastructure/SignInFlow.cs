using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>
/// Signs in the way a browser does: authorization request with PKCE, the sign-in form with its
/// antiforgery token and an authenticator code, the redirect with the code, and the token exchange.
/// </summary>
public static partial class SignInFlow
{
    public const string ClientId = "test-web";
    public const string DeviceClientId = "test-cli";
    public const string RedirectUri = "http://localhost/callback";
    public const string DefaultScopes = "openid profile api offline_access";

    public sealed record Tokens(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken);

    /// <summary>A person's sign-in secrets; their authenticator app reads <paramref name="Clock"/> (the host's, when the host's clock is fake).</summary>
    public sealed record StaffCredentials(string UserName, string Password, string AuthenticatorKey, TimeProvider? Clock = null);

    /// <summary>A cookie-keeping client that does not follow redirects, as the steps must be read one by one.</summary>
    public static HttpClient Browser(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = factory.ClientOptions.BaseAddress });

    public static Task<Tokens> SignInAsync(WebApplicationFactory<Program> factory, StaffCredentials staff, string scopes = DefaultScopes) =>
        SignInAsync(Browser(factory), factory.CreateClient(), staff, scopes);

    /// <summary>Signs in with <paramref name="browser"/> (cookies kept, no redirects followed) and redeems the code with <paramref name="client"/>.</summary>
    public static async Task<Tokens> SignInAsync(HttpClient browser, HttpClient client, StaffCredentials staff, string scopes = DefaultScopes)
    {
        var code = await AuthorizationCodeAsync(browser, staff, scopes, out var verifier);
        return await RedeemAsync(client, code, verifier);
    }

    /// <summary>Runs the browser part of the flow and returns the authorization code.</summary>
    public static Task<string> AuthorizationCodeAsync(HttpClient browser, StaffCredentials staff, string scopes, out string verifier)
    {
        verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return RunAsync(browser, staff, scopes, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static async Task<Tokens> RedeemAsync(HttpClient client, string code, string verifier)
    {
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId,
            ["code_verifier"] = verifier,
        }));
        Assert.True(response.IsSuccessStatusCode, $"token exchange: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    public static string AuthorizeUrl(string scopes, string challenge, string method) =>
        $"/connect/authorize?client_id={ClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
        $"&scope={Uri.EscapeDataString(scopes)}&code_challenge={challenge}&code_challenge_method={method}&state=state-1";

    /// <summary>Posts the sign-in form as a person would; returns the response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, Uri loginPage, StaffCredentials staff, string? code = null)
    {
        var page = await browser.GetStringAsync(loginPage);
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = staff.UserName,
            ["password"] = staff.Password,
            ["code"] = code ?? Totp.At(staff.AuthenticatorKey, (staff.Clock ?? TimeProvider.System).GetUtcNow()),
            ["returnUrl"] = Field(Form(page, "/account/login"), "returnUrl"),
            ["__RequestVerificationToken"] = Field(page, "__RequestVerificationToken"),
        }));
    }

    /// <summary>Device flow in the browser: types the code on the verification page, then confirms the client it names.</summary>
    public static async Task<HttpResponseMessage> ConfirmDeviceAsync(HttpClient browser, string verificationPage, string userCode)
    {
        var typed = await browser.PostAsync("/connect/verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user_code"] = userCode,
            ["__RequestVerificationToken"] = Field(verificationPage, "__RequestVerificationToken"),
        }));
        var confirmation = await typed.Content.ReadAsStringAsync();
        Assert.True(typed.StatusCode == HttpStatusCode.OK, $"verify: {(int)typed.StatusCode}");
        return await browser.PostAsync("/connect/verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user_code"] = Field(confirmation, "user_code"),
            ["confirm"] = Field(confirmation, "confirm"),
            ["__RequestVerificationToken"] = Field(confirmation, "__RequestVerificationToken"),
        }));
    }

    public static string Field(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"no field {name} in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>One form of a page, by the address it posts to: a page holds several (its language switch has a returnUrl of its own).</summary>
    public static string Form(string html, string action)
    {
        var match = Regex.Match(html, $"<form method=\"post\" action=\"{Regex.Escape(action)}\".*?</form>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no form posting to {action} in the page");
        return match.Value;
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<string> RunAsync(HttpClient browser, StaffCredentials staff, string scopes, string challenge)
    {
        var authorize = await browser.GetAsync(AuthorizeUrl(scopes, challenge, "S256"));
        Assert.True(authorize.StatusCode == HttpStatusCode.Redirect, $"authorize: {(int)authorize.StatusCode} {await authorize.Content.ReadAsStringAsync()}");
        var login = await PostLoginAsync(browser, authorize.Headers.Location!, staff);
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"login: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var back = await browser.GetAsync(login.Headers.Location);
        Assert.True(back.StatusCode == HttpStatusCode.Redirect, $"authorize after login: {(int)back.StatusCode} {await back.Content.ReadAsStringAsync()}");
        var callback = back.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString(), StringComparison.Ordinal);
        return CodeParameter().Match(callback.Query).Groups[1].Value;
    }

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodeParameter();
}

/// <summary>RFC 6238 codes as an authenticator app computes them (HMAC-SHA1, 30 s, 6 digits).</summary>
public static class Totp
{
    /// <summary>The seconds a request may take, on a busy machine, between computing a code and the server checking it.</summary>
    private const int Margin = 8;

    public static string Now(string base32Key) => At(base32Key, DateTimeOffset.UtcNow);

    /// <summary>
    /// A moment of the previous step, by the real clock. The server takes one step either side, so
    /// when this step is about to end the wait for the next comes first: otherwise the code would be
    /// two steps old when it arrives.
    /// </summary>
    public static async Task<DateTimeOffset> PreviousStepAsync()
    {
        var left = 30 - (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 30_000 / 1000.0);
        if (left < Margin)
        {
            await Task.Delay(TimeSpan.FromSeconds(left + 0.1));
        }

        return DateTimeOffset.UtcNow.AddSeconds(-30);
    }

    public static string At(string base32Key, DateTimeOffset time)
    {
        var step = time.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
