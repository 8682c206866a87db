using System.Buffers.Text;
using Microsoft.AspNetCore.Identity;
using static CaseManagement.Api.Identity.SignInView;

namespace CaseManagement.Api.Identity;

/// <summary>The passkeys page, in a file of their own beside the sign-in's.</summary>
internal static partial class SignInPages
{
    public static IResult Passkeys(
        IList<UserPasskeyInfo> passkeys, bool needsProof, bool hasAuthenticator, SignInMessage? error, int status = StatusCodes.Status200OK) => new SignInPage(
        "Passkeys.Title",
        t => $"""
        <p>{t["Passkeys.Intro"]}</p>
        {PasskeyList(t, passkeys)}
        <h2>{t["Passkeys.Add"]}</h2>
        <p class="hint" id="passkey-unsupported">{t["Passkeys.Unsupported"]}</p>
        <form id="passkey-add" method="post" action="{PasskeyEndpoints.Path}/options" data-finish="{PasskeyEndpoints.Path}/add"
          data-stopped="{t["Passkeys.Stopped"]}" data-failed="{t["Passkeys.Failed"]}" hidden>
          {t.Antiforgery()}
          <label for="passkey-name">{t["Passkeys.Name"]} <span class="hint" id="passkey-name-hint">{t["Passkeys.NameHint", PasskeyNames.MaxLength]}</span></label>
          <input id="passkey-name" name="name" maxlength="{PasskeyNames.MaxLength}" autocomplete="off" aria-describedby="passkey-name-hint">
          {ProofFields(t, true, hasAuthenticator, "add")}
          <button type="submit">{t["Passkeys.AddSubmit"]}</button>
        </form>
        {RemoveForm(t, passkeys, needsProof, hasAuthenticator)}
        <p><a class="back" href="/">{t["Passkeys.Back"]}</a></p>
        <script src="{SignInAssets.PasskeyScriptPath}"></script>
        """)
    {
        Error = error,
        Status = status,
        ReturnTo = PasskeyEndpoints.Path,
    };

    private static string PasskeyList(SignInView t, IList<UserPasskeyInfo> passkeys) => passkeys.Count == 0
        ? $"""<p id="no-passkeys">{t["Passkeys.None"]}</p>"""
        : $"""
          <h2>{t["Passkeys.Yours"]}</h2>
          <ul id="passkeys" class="passkeys">{string.Concat(passkeys.Select(p =>
              $"<li><strong>{NameOf(t, p)}</strong> <span class=\"hint\">{t.Html("Passkeys.AddedOn", Day(p.CreatedAt))}</span></li>"))}</ul>
          """;

    private static string RemoveForm(SignInView t, IList<UserPasskeyInfo> passkeys, bool needsProof, bool hasAuthenticator) =>
        passkeys.Count == 0
            ? string.Empty
            : $"""
              <h2>{t["Passkeys.Remove"]}</h2>
              <form method="post" action="{PasskeyEndpoints.Path}/remove">
                {t.Antiforgery()}
                <label for="passkey">{t["Passkeys.Passkey"]}</label>
                <select id="passkey" name="passkey" required>{string.Concat(passkeys.Select(p =>
                    $"<option value=\"{Base64Url.EncodeToString(p.CredentialId)}\">{t.Html("Passkeys.Option", NameOf(t, p), Day(p.CreatedAt))}</option>"))}</select>
                {ProofFields(t, needsProof, hasAuthenticator, "remove")}
                <button type="submit">{t["Passkeys.RemoveSubmit"]}</button>
              </form>
              """;

    /// <summary>A passkey's name as its owner gave it, encoded; one stored without a name reads "Passkey" in the page's language.</summary>
    private static string NameOf(SignInView t, UserPasskeyInfo passkey) => passkey.Name is { } name ? Encode(name) : t["Passkeys.Unnamed"];

    /// <summary>The step-up's fields (always to add a passkey; to remove one, when the sign-in is not recent); ids carry the form's name, as two forms share a page.</summary>
    private static string ProofFields(SignInView t, bool needed, bool hasAuthenticator, string form) => !needed
        ? string.Empty
        : $"""
          <label for="{form}-password">{t["SignIn.Password"]}</label>
          <input id="{form}-password" name="password" type="password" autocomplete="current-password" required>
          """ + (hasAuthenticator
            ? $"""
              <label for="{form}-code">{t["SignIn.Code"]}
                <span class="hint" id="{form}-code-hint">{t["Passkeys.CodeHint"]}</span></label>
              <input id="{form}-code" name="code" class="code" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" maxlength="16" required aria-describedby="{form}-code-hint">
              """
            : string.Empty);
}
