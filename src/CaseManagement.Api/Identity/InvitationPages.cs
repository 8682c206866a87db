using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.Invitations;
using static CaseManagement.Api.Identity.SignInView;

namespace CaseManagement.Api.Identity;

/// <summary>The pages of an invitation: open the link, then choose a password and enrol an authenticator on one form.</summary>
internal static class InvitationPages
{
    /// <summary>The link's landing page: its script posts the token from the fragment; without script the person pastes it.</summary>
    public static IResult Open() => new SignInPage(
        "AcceptInvitation.Title",
        t => $"""
        <form method="post" action="{InvitationLinks.PagePath}">
          {t.Antiforgery()}
          <label for="token">{t["AcceptInvitation.Token"]}
            <span class="hint" id="token-hint">{t["AcceptInvitation.TokenHint"]}</span></label>
          <input id="token" name="token" autocomplete="off" autocapitalize="none" spellcheck="false" required aria-describedby="token-hint">
          <button type="submit">{t["AcceptInvitation.Continue"]}</button>
        </form>
        <script src="{SignInAssets.InvitationScriptPath}"></script>
        """)
    {
        ReturnTo = InvitationLinks.PagePath,
        SignInStep = true,
    };

    /// <summary>
    /// Choose a password and enrol an authenticator; the token rides along in the form, never in an address the server
    /// sees. The language switch comes back to the link's own form, the token after '#', which the page's script posts again.
    /// </summary>
    public static IResult Setup(string token, string userName, string sharedKey, string uri, SignInMessage? error) => new SignInPage(
        "AcceptInvitation.SetupTitle",
        t => $"""
        <p>{t.Html("AcceptInvitation.SetupIntro", $"<strong id=\"user-name\">{Encode(userName)}</strong>")}</p>
        <form method="post" action="{InvitationLinks.PagePath}">
          {t.Antiforgery()}
          <input type="hidden" name="token" value="{Encode(token)}">
          <label for="password">{t["AcceptInvitation.Password"]}
            <span class="hint" id="password-hint">{t["AcceptInvitation.PasswordHint", PasswordPolicy.MinimumLength]}</span></label>
          <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required aria-describedby="password-hint" autofocus>
          <label for="repeat">{t["AcceptInvitation.Repeat"]}</label>
          <input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength="12" required>
          {SignInPages.AuthenticatorSteps(t, sharedKey, uri)}
          <label for="code">{t["SignIn.Code"]}</label>
          <input id="code" name="code" class="code" inputmode="numeric" pattern="[0-9]{"{6}"}" autocomplete="one-time-code" maxlength="6" required>
          <button type="submit">{t["AcceptInvitation.Submit"]}</button>
        </form>
        """)
    {
        Error = error,
        // No language switch: its return address would carry the token through the server (in /culture's form and
        // redirect), and opening the page again makes a new authenticator key, voiding one already scanned.
        LanguageSwitch = false,
        SignInStep = true,
    };

    /// <summary>The account is ready: the recovery codes, shown this once (so no language switch, which would leave the page).</summary>
    public static IResult Accepted(string userName, IEnumerable<string> recoveryCodes) => new SignInPage(
        "AcceptInvitation.ReadyTitle",
        t => $"""
        <p>{t.Html("AcceptInvitation.ReadyText", $"<strong>{Encode(userName)}</strong>")}</p>
        <p>{t["AcceptInvitation.ReadyCodes"]}</p>
        <ul class="codes" id="recovery-codes">{string.Concat(recoveryCodes.Select(c => $"<li><code>{Encode(c)}</code></li>"))}</ul>
        <p><a href="/account/login">{t["AcceptInvitation.SignIn"]}</a></p>
        """)
    {
        LanguageSwitch = false,
    };

    /// <summary>A link that cannot be used, each case with its own words and what to do next.</summary>
    public static IResult Unusable(InvitationState state) => state switch
    {
        InvitationState.Used => SignInPages.Message(StatusCodes.Status410Gone, "AcceptInvitation.UsedTitle", "AcceptInvitation.UsedText"),
        InvitationState.Replaced => SignInPages.Message(StatusCodes.Status410Gone, "AcceptInvitation.ReplacedTitle", "AcceptInvitation.ReplacedText"),
        InvitationState.Expired => SignInPages.Message(StatusCodes.Status410Gone, "AcceptInvitation.ExpiredTitle", "AcceptInvitation.ExpiredText"),
        _ => SignInPages.Message(StatusCodes.Status404NotFound, "AcceptInvitation.InvalidTitle", "AcceptInvitation.InvalidText"),
    };
}
