using CaseManagement.Infrastructure.Identity.Invitations;
using Microsoft.AspNetCore.Antiforgery;
using static CaseManagement.Api.Identity.SignInPages;

namespace CaseManagement.Api.Identity;

/// <summary>The pages of an invitation: open the link, then choose a password and enrol an authenticator on one form.</summary>
internal static class InvitationPages
{
    /// <summary>The link's landing page: its script posts the token from the fragment; without script the person pastes it.</summary>
    public static IResult Open(HttpContext context, IAntiforgery antiforgery) => Page(
        "Accept your invitation",
        $"""
        <form method="post" action="/account/invitation">
          {Hidden(context, antiforgery)}
          <label for="token">Invitation code
            <span class="hint" id="token-hint">Filled in from your link. If it stays empty, paste the part of the link after the # sign.</span></label>
          <input id="token" name="token" autocomplete="off" autocapitalize="none" spellcheck="false" required aria-describedby="token-hint">
          <button type="submit">Continue</button>
        </form>
        <script src="{SignInAssets.InvitationScriptPath}"></script>
        """,
        null);

    /// <summary>Choose a password and enrol an authenticator; the token rides along in the form, never in an address.</summary>
    public static IResult Setup(
        HttpContext context, IAntiforgery antiforgery, string token, string userName, string sharedKey, string uri, string? error) => Page(
        "Set up your account",
        $"""
        <p>You are setting up the account <strong id="user-name">{Encode(userName)}</strong>. Nobody else knows its password,
        administrators included: choose it now.</p>
        <form method="post" action="/account/invitation">
          {Hidden(context, antiforgery)}
          <input type="hidden" name="token" value="{Encode(token)}">
          <label for="password">New password
            <span class="hint" id="password-hint">At least 12 characters. A few unrelated words make a good one; avoid your
            user name, your organisation's name and common passwords.</span></label>
          <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required aria-describedby="password-hint" autofocus>
          <label for="repeat">Repeat the password</label>
          <input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength="12" required>
          {AuthenticatorSteps(sharedKey, uri)}
          <label for="code">Authenticator code</label>
          <input id="code" name="code" class="code" inputmode="numeric" pattern="[0-9]{"{6}"}" autocomplete="one-time-code" maxlength="6" required>
          <button type="submit">Set up my account</button>
        </form>
        """,
        error);

    /// <summary>The account is ready: the recovery codes, shown this once.</summary>
    public static IResult Accepted(string userName, IEnumerable<string> recoveryCodes) => Page(
        "Your account is ready",
        $"""
        <p>You can now sign in as <strong>{Encode(userName)}</strong> with your password and a code from your authenticator app.</p>
        <p>If you lose your phone, each of these recovery codes signs you in once in place of an authenticator code.
        Keep them somewhere safe, away from your phone. They are shown only now.</p>
        <ul class="codes" id="recovery-codes">{string.Concat(recoveryCodes.Select(c => $"<li><code>{Encode(c)}</code></li>"))}</ul>
        <p><a href="/account/login">Sign in</a></p>
        """,
        null);

    /// <summary>A link that cannot be used, each case with its own words and what to do next.</summary>
    public static IResult Unusable(InvitationState state) => state switch
    {
        InvitationState.Used => Message(StatusCodes.Status410Gone, "This invitation was already used",
            "The account it opened is set up. Sign in with your password and authenticator; if that is not you, tell your administrator at once."),
        InvitationState.Replaced => Message(StatusCodes.Status410Gone, "This invitation was replaced",
            "A newer invitation was sent for the same account, and only the newest link works. Use it, or ask your administrator to send one."),
        InvitationState.Expired => Message(StatusCodes.Status410Gone, "This invitation has expired",
            "Invitation links work for a limited time. Ask your administrator to send a new one."),
        _ => Message(StatusCodes.Status404NotFound, "This invitation link is not valid",
            "Check that you opened the whole link from your invitation. If it still fails, ask your administrator to send a new one."),
    };
}
