using System.Buffers.Text;
using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Api.Identity;

/// <summary>The passkeys page, in a file of its own beside the sign-in's.</summary>
internal static partial class SignInPages
{
    public static IResult Passkeys(
        HttpContext context, IAntiforgery antiforgery, IList<UserPasskeyInfo> passkeys, bool needsProof, bool hasAuthenticator, string? error,
        int status = StatusCodes.Status200OK) => Page(
        "Passkeys",
        $"""
        <p>A passkey can stand in for the authenticator code when you sign in: after your password, your device asks for its PIN,
        fingerprint or face. It works on this site only, so a page that imitates it cannot use it. Your authenticator app keeps working.</p>
        {PasskeyList(passkeys)}
        <h2>Add a passkey</h2>
        <p class="hint" id="passkey-unsupported">Adding a passkey needs JavaScript and a browser that supports passkeys.</p>
        <form id="passkey-add" method="post" action="{PasskeyEndpoints.Path}/options" data-finish="{PasskeyEndpoints.Path}/add" hidden>
          {Hidden(context, antiforgery)}
          <label for="passkey-name">Name <span class="hint" id="passkey-name-hint">Optional: something that tells your devices apart, such as
            "office laptop". At most {PasskeyNames.MaxLength} characters.</span></label>
          <input id="passkey-name" name="name" maxlength="{PasskeyNames.MaxLength}" autocomplete="off" aria-describedby="passkey-name-hint">
          {ProofFields(true, hasAuthenticator, "add")}
          <button type="submit">Add a passkey</button>
        </form>
        {RemoveForm(context, antiforgery, passkeys, needsProof, hasAuthenticator)}
        <p><a class="back" href="/">Back to your account</a></p>
        <script src="{SignInAssets.PasskeyScriptPath}"></script>
        """,
        error,
        status);

    private static string PasskeyList(IList<UserPasskeyInfo> passkeys) => passkeys.Count == 0
        ? """<p id="no-passkeys">You have no passkeys yet.</p>"""
        : $"""
          <h2>Your passkeys</h2>
          <ul id="passkeys" class="passkeys">{string.Concat(passkeys.Select(p =>
              $"<li><strong>{Encode(p.Name ?? "Passkey")}</strong> <span class=\"hint\">added {Day(p.CreatedAt)}</span></li>"))}</ul>
          """;

    private static string RemoveForm(HttpContext context, IAntiforgery antiforgery, IList<UserPasskeyInfo> passkeys, bool needsProof, bool hasAuthenticator) =>
        passkeys.Count == 0
            ? string.Empty
            : $"""
              <h2>Remove a passkey</h2>
              <form method="post" action="{PasskeyEndpoints.Path}/remove">
                {Hidden(context, antiforgery)}
                <label for="passkey">Passkey</label>
                <select id="passkey" name="passkey" required>{string.Concat(passkeys.Select(p =>
                    $"<option value=\"{Base64Url.EncodeToString(p.CredentialId)}\">{Encode(p.Name ?? "Passkey")}, added {Day(p.CreatedAt)}</option>"))}</select>
                {ProofFields(needsProof, hasAuthenticator, "remove")}
                <button type="submit">Remove the passkey</button>
              </form>
              """;

    /// <summary>The step-up's fields (always to add a passkey; to remove one, when the sign-in is not recent); ids carry the form's name, as two forms share a page.</summary>
    private static string ProofFields(bool needed, bool hasAuthenticator, string form) => !needed
        ? string.Empty
        : $"""
          <label for="{form}-password">Password</label>
          <input id="{form}-password" name="password" type="password" autocomplete="current-password" required>
          """ + (hasAuthenticator
            ? $"""
              <label for="{form}-code">Authenticator code
                <span class="hint" id="{form}-code-hint">The 6-digit code your authenticator app shows now (a new one, if you
                have just signed in), or one of your recovery codes.</span></label>
              <input id="{form}-code" name="code" class="code" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" maxlength="16" required aria-describedby="{form}-code-hint">
              """
            : string.Empty);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
