using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace CaseManagement.Api.Identity;

/// <summary>The two small server-rendered pages of the sign-in: every value is HTML-encoded.</summary>
internal static class SignInPages
{
    public static IResult Login(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error) => Page(
        "Sign in",
        $"""
        <form method="post" action="/account/login">
          {Hidden(context, antiforgery)}
          <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
          <label>User name <input name="userName" autocomplete="username" required></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          <label>Authenticator code <input name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6"></label>
          <button type="submit">Sign in</button>
        </form>
        """,
        error);

    public static IResult Enrol(HttpContext context, IAntiforgery antiforgery, string returnUrl, string sharedKey, string uri, string? error) => Page(
        "Set up two-factor sign-in",
        $"""
        <p>Add this account to your authenticator app, then enter the 6-digit code it shows.</p>
        <p>Key: <code id="shared-key">{Encode(sharedKey)}</code></p>
        <p>Or open: <code id="otpauth-uri">{Encode(uri)}</code></p>
        <form method="post" action="/account/enrol">
          {Hidden(context, antiforgery)}
          <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
          <label>Authenticator code <input name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required></label>
          <button type="submit">Confirm</button>
        </form>
        """,
        error);

    public static IResult Verify(HttpContext context, IAntiforgery antiforgery, string? userCode, string? error) => Page(
        "Connect a command-line client",
        $"""
        <p>Confirm only a code that your own command-line client shows you right now.</p>
        <form method="post" action="/connect/verify">
          {Hidden(context, antiforgery)}
          <label>Code <input name="user_code" value="{Encode(userCode ?? string.Empty)}" autocomplete="off" required></label>
          <button type="submit">Connect</button>
        </form>
        """,
        error);

    public static IResult Done() => Page("Done", "<p>You can close this page and return to your client.</p>", null);

    private static string Hidden(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken!)}\">";
    }

    private static IResult Page(string title, string body, string? error)
    {
        var alert = error is null ? string.Empty : $"<p role=\"alert\">{Encode(error)}</p>";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{Encode(title)} · CaseManagement</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main><h1>{Encode(title)}</h1>{alert}{body}</main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
