using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using QRCoder;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The small server-rendered pages of the sign-in. Every value is HTML-encoded; no inline script or
/// style, so the pages' Content-Security-Policy forbids both (see <see cref="PageSecurityHeaders"/>).
/// </summary>
internal static partial class SignInPages
{
    public static IResult Login(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error, int status = StatusCodes.Status200OK) => Page(
        "Sign in",
        $"""
        <form method="post" action="/account/login">
          {Hidden(context, antiforgery)}
          <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
          <label for="userName">User name</label>
          <input id="userName" name="userName" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <label for="code">Authenticator code
            <span class="hint" id="code-hint">The 6-digit code your authenticator app shows now. Each code works once, so to
            sign in again within the same 30 seconds, wait for the next code. Lost your phone?
            Type one of your recovery codes instead.</span></label>
          <input id="code" name="code" class="code" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" maxlength="16" aria-describedby="code-hint">
          <button type="submit">Sign in</button>
          <button type="button" id="use-passkey" class="secondary" data-options="/account/login/passkey/options" data-finish="/account/login/passkey" hidden>Use a passkey instead of a code</button>
        </form>
        <script src="{SignInAssets.PasskeyScriptPath}"></script>
        """,
        error,
        status);

    public static IResult Enrol(HttpContext context, IAntiforgery antiforgery, string returnUrl, string sharedKey, string uri, string? error) => Page(
        "Set up two-factor sign-in",
        $"""
        {AuthenticatorSteps(sharedKey, uri)}
        <p class="hint">Keep this key to yourself. This page shows a new key each time it opens; only the last one counts.</p>
        <form method="post" action="/account/enrol">
          {Hidden(context, antiforgery)}
          <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
          <label for="code">Authenticator code</label>
          <input id="code" name="code" class="code" inputmode="numeric" pattern="[0-9]{"{6}"}" autocomplete="one-time-code" maxlength="6" required autofocus>
          <button type="submit">Confirm</button>
        </form>
        """,
        error);

    /// <summary>Device flow, first step: the person types the code their command-line client shows (never taken from the link).</summary>
    public static IResult Verify(HttpContext context, IAntiforgery antiforgery, string? error, int status = StatusCodes.Status200OK) => Page(
        "Connect a command-line client",
        $"""
        <p>Enter the code that your own command-line client shows you right now. Never enter a code someone sent you.</p>
        <form method="post" action="/connect/verify">
          {Hidden(context, antiforgery)}
          <label for="user_code">Code</label>
          <input id="user_code" name="user_code" autocomplete="off" autocapitalize="characters" spellcheck="false" required autofocus>
          <button type="submit">Continue</button>
        </form>
        """,
        error,
        status);

    /// <summary>Device flow, second step: the code is known, so the page names the client it would connect.</summary>
    public static IResult ConfirmDevice(HttpContext context, IAntiforgery antiforgery, string userCode, string clientName) => Page(
        "Connect a command-line client",
        $"""
        <p>Connect <span class="client" id="client-name">{Encode(clientName)}</span> to your account? It will act as you
        until you sign out of it.</p>
        <form method="post" action="/connect/verify">
          {Hidden(context, antiforgery)}
          <input type="hidden" name="user_code" value="{Encode(userCode)}">
          <input type="hidden" name="confirm" value="yes">
          <button type="submit">Connect {Encode(clientName)}</button>
        </form>
        <p><a href="/connect/verify">Not you, or not now? Cancel.</a></p>
        """,
        null);

    public static IResult Done() => Message(StatusCodes.Status200OK, "Done", "You can close this page and return to your client.");

    /// <summary>What is left of an OpenID Connect error that cannot go back to the client: a page a person can read.</summary>
    public static IResult OAuthError(string error, string? description) => Page(
        "This sign-in link does not work",
        $"""
        <p>The application that sent you here made a request this server refuses. Go back to it and start again; if this
        keeps happening, tell its administrator.</p>
        <details><summary>Details for the administrator</summary><p><code>{Encode(error)}</code>{(description is null ? string.Empty : " " + Encode(description))}</p></details>
        """,
        null,
        StatusCodes.Status400BadRequest);

    public static IResult Message(int status, string title, string text) => Page(title, $"<p>{Encode(text)}</p>", null, status);

    /// <summary>The home page: who is signed in, and where to go.</summary>
    public static IResult Landing(HttpContext context, IAntiforgery antiforgery, string? userName) => Page(
        "CaseManagement",
        userName is null
            ? """
              <p>You are not signed in.</p>
              <p><a href="/account/login">Sign in</a> · <a href="/scalar/v1">API reference</a></p>
              """
            : $"""
              <p>Signed in as <strong id="signed-in-as">{Encode(userName)}</strong>.</p>
              <p><a href="/start">Open the application</a> (<span lang="ro">în limba română</span>, and in English)</p>
              <p>Applications you use sign you in through this server. Developers can try the API on the
              <a href="/scalar/v1">API reference</a> page.</p>
              <p><a href="/account/password">Change your password</a> · <a href="/account/recovery-codes">Recovery codes</a> · <a href="/account/passkeys">Passkeys</a></p>
              <form method="post" action="/account/logout">{Hidden(context, antiforgery)}<button type="submit">Sign out</button></form>
              """,
        null);

    /// <summary>How to enrol an authenticator, with the key as a QR code, as text and as an otpauth link; shared by enrolment and invitations.</summary>
    internal static string AuthenticatorSteps(string sharedKey, string uri) =>
        $"""
        <ol>
          <li>Open an authenticator app on your phone (for example FreeOTP, Aegis, Google or Microsoft Authenticator).</li>
          <li>Scan this code with it, or type the key below.</li>
          <li>Enter the 6-digit code the app then shows.</li>
        </ol>
        <img class="qr" src="data:image/png;base64,{QrCode(uri)}" alt="QR code holding the key below" width="192" height="192">
        <p>Key: <code id="shared-key">{Encode(sharedKey)}</code></p>
        <details><summary>Link for apps on this device</summary><p><a id="otpauth-uri" href="{Encode(uri)}">{Encode(uri)}</a></p></details>
        """;

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }

    internal static string Hidden(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken!)}\">";
    }

    internal static IResult Page(string title, string body, string? error, int status = StatusCodes.Status200OK)
    {
        var alert = error is null ? string.Empty : $"<p role=\"alert\">{Encode(error)}</p>";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{Encode(title)} · CaseManagement</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="{SignInAssets.StylesheetPath}"></head>
            <body><main><header class="brand"><img src="/favicon.svg" alt=""> CaseManagement</header>
            <h1>{Encode(title)}</h1>{alert}{body}</main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    internal static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
