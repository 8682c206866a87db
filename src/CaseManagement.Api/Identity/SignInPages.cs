using QRCoder;
using static CaseManagement.Api.Identity.SignInView;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The small server-rendered pages of the sign-in, each a <see cref="SignInPage"/>: its texts come
/// from the web application's resources (keys "SignIn.", "Enrol.", "Device.", "Home." …), in the
/// request's language.
/// </summary>
internal static partial class SignInPages
{
    /// <summary>The sign-in form; the language switch comes back here with the same return address.</summary>
    public static IResult Login(string returnUrl, SignInMessage? error, int status = StatusCodes.Status200OK) => new SignInPage(
        "SignIn.Title",
        t => $"""
        <form method="post" action="/account/login">
          {t.Antiforgery()}
          <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
          <label for="userName">{t["SignIn.UserName"]}</label>
          <input id="userName" name="userName" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
          <label for="password">{t["SignIn.Password"]}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <label for="code">{t["SignIn.Code"]}
            <span class="hint" id="code-hint">{t["SignIn.CodeHint"]}</span></label>
          <input id="code" name="code" class="code" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" maxlength="16" aria-describedby="code-hint">
          <button type="submit">{t["SignIn.Submit"]}</button>
          <button type="button" id="use-passkey" class="secondary" data-options="/account/login/passkey/options" data-finish="/account/login/passkey"
            data-stopped="{t["SignIn.PasskeyStopped"]}" data-failed="{t["Passkeys.Failed"]}" hidden>{t["SignIn.UsePasskey"]}</button>
        </form>
        <script src="{SignInAssets.PasskeyScriptPath}"></script>
        """)
    {
        Error = error,
        Status = status,
        ReturnTo = Address("/account/login", returnUrl),
        SignInStep = true,
    };

    public static IResult Enrol(string returnUrl, string sharedKey, string uri, SignInMessage? error) => new SignInPage(
        "Enrol.Title",
        t => $"""
        {AuthenticatorSteps(t, sharedKey, uri)}
        <p class="hint">{t["Enrol.KeepKey"]}</p>
        <form method="post" action="/account/enrol">
          {t.Antiforgery()}
          <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
          <label for="code">{t["SignIn.Code"]}</label>
          <input id="code" name="code" class="code" inputmode="numeric" pattern="[0-9]{"{6}"}" autocomplete="one-time-code" maxlength="6" required autofocus>
          <button type="submit">{t["Enrol.Submit"]}</button>
        </form>
        """)
    {
        Error = error,
        // No language switch: opening the page again makes a new authenticator key, voiding one already scanned.
        LanguageSwitch = false,
        SignInStep = true,
    };

    /// <summary>Device flow, first step: the person types the code their command-line client shows (never taken from the link).</summary>
    public static IResult Verify(SignInMessage? error, int status = StatusCodes.Status200OK) => new SignInPage(
        "Device.Title",
        t => $"""
        <p>{t["Device.Intro"]}</p>
        <form method="post" action="/connect/verify">
          {t.Antiforgery()}
          <label for="user_code">{t["Device.Code"]}</label>
          <input id="user_code" name="user_code" autocomplete="off" autocapitalize="characters" spellcheck="false" required autofocus>
          <button type="submit">{t["Device.Continue"]}</button>
        </form>
        """)
    {
        Error = error,
        Status = status,
    };

    /// <summary>Device flow, second step: the code is known, so the page names the client it would connect (or says it has no name).</summary>
    public static IResult ConfirmDevice(string userCode, string? clientName) => new SignInPage(
        "Device.Title",
        t =>
        {
            var name = clientName is null ? t["Sessions.UnnamedClient"] : Encode(clientName);
            return $"""
                <p>{t.Html("Device.Confirm", $"<span class=\"client\" id=\"client-name\">{name}</span>")}</p>
                <form method="post" action="/connect/verify">
                  {t.Antiforgery()}
                  <input type="hidden" name="user_code" value="{Encode(userCode)}">
                  <input type="hidden" name="confirm" value="yes">
                  <button type="submit">{t.Html("Device.ConfirmSubmit", name)}</button>
                </form>
                <p><a href="/connect/verify">{t["Device.Cancel"]}</a></p>
                """;
        });

    public static IResult Done() => Message(StatusCodes.Status200OK, "Done.Title", "Done.Text");

    /// <summary>What is left of an OpenID Connect error that cannot go back to the client: a page a person can read.</summary>
    public static IResult OAuthError(string error, string? description) => new SignInPage(
        "OAuthError.Title",
        t => $"""
        <p>{t["OAuthError.Text"]}</p>
        <details><summary>{t["OAuthError.Details"]}</summary><p><code>{Encode(error)}</code>{(description is null ? string.Empty : " " + Encode(description))}</p></details>
        """)
    {
        Status = StatusCodes.Status400BadRequest,
    };

    /// <summary>A page of a title and one sentence, both texts' keys.</summary>
    public static IResult Message(int status, string titleKey, string textKey) => new SignInPage(titleKey, t => $"<p>{t[textKey]}</p>")
    {
        Status = status,
    };

    /// <summary>The home page: who is signed in, and where to go.</summary>
    public static IResult Landing(string? userName) => new SignInPage(
        "Home.Title",
        t => userName is null
            ? $"""
              <p>{t["Home.NotSignedIn"]}</p>
              <p><a href="/account/login">{t["Home.SignIn"]}</a> · <a href="/scalar/v1">{t["Home.ApiReference"]}</a></p>
              """
            : $"""
              <p>{t.Html("Home.SignedInAs", $"<strong id=\"signed-in-as\">{Encode(userName)}</strong>")}</p>
              <p><a href="/start">{t["Home.Open"]}</a></p>
              <p>{t.Html("Home.Clients", $"<a href=\"/scalar/v1\">{t["Home.ApiReference"]}</a>")}</p>
              <p><a href="/account/password">{t["Home.ChangePassword"]}</a> · <a href="/account/recovery-codes">{t["Home.RecoveryCodes"]}</a> · <a href="/account/passkeys">{t["Home.Passkeys"]}</a></p>
              <form method="post" action="/account/logout">{t.Antiforgery()}<button type="submit">{t["Layout.SignOut"]}</button></form>
              """);

    /// <summary>How to enrol an authenticator, with the key as a QR code, as text and as an otpauth link; shared by enrolment and invitations.</summary>
    internal static string AuthenticatorSteps(SignInView t, string sharedKey, string uri) =>
        $"""
        <ol>
          <li>{t["Authenticator.Open"]}</li>
          <li>{t["Authenticator.Scan"]}</li>
          <li>{t["Authenticator.Enter"]}</li>
        </ol>
        <img class="qr" src="data:image/png;base64,{QrCode(uri)}" alt="{t["Authenticator.QrCode"]}" width="192" height="192">
        <p>{t.Html("Authenticator.Key", $"<code id=\"shared-key\">{Encode(sharedKey)}</code>")}</p>
        <details><summary>{t["Authenticator.Link"]}</summary><p><a id="otpauth-uri" href="{Encode(uri)}">{Encode(uri)}</a></p></details>
        """;

    /// <summary>A page's own address with the address it returns to after the sign-in, for its language switch.</summary>
    private static string Address(string page, string returnUrl) => page + "?returnUrl=" + Uri.EscapeDataString(returnUrl);

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
