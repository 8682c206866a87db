using CaseManagement.Infrastructure.Identity;
using static CaseManagement.Api.Identity.SignInView;

namespace CaseManagement.Api.Identity;

/// <summary>The password-change and recovery-code pages, in a file of their own beside the sign-in's.</summary>
internal static partial class SignInPages
{
    public static IResult ChangePassword(bool needsCode, SignInMessage? error, int status = StatusCodes.Status200OK) => new SignInPage(
        "Password.Title",
        t => $"""
        <p>{t["Password.Intro", PasswordPolicy.MinimumLength]}</p>
        <form method="post" action="{PasswordEndpoints.Path}">
          {t.Antiforgery()}
          <label for="currentPassword">{t["Password.Current"]}</label>
          <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required autofocus>
          <label for="newPassword">{t["Password.New"]}</label>
          <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" minlength="12" maxlength="256" required>
          <label for="repeatPassword">{t["Password.Repeat"]}</label>
          <input id="repeatPassword" name="repeatPassword" type="password" autocomplete="new-password" minlength="12" maxlength="256" required>
          {CodeField(t, needsCode)}
          <button type="submit">{t["Password.Submit"]}</button>
        </form>
        """)
    {
        Error = error,
        Status = status,
    };

    /// <summary>The password changed, and with it this browser's sign-in: a token made now would be the old session's, so no language switch.</summary>
    public static IResult PasswordChanged() => new SignInPage("Password.ChangedTitle", t => $"<p>{t["Password.ChangedText"]}</p>")
    {
        LanguageSwitch = false,
    };

    public static IResult RecoveryCodesForm(int remaining, SignInMessage? error) => new SignInPage(
        "RecoveryCodes.Title",
        t => $"""
        <p>{t.Html("RecoveryCodes.Intro", $"<strong id=\"remaining\">{remaining}</strong>")}</p>
        <p>{t["RecoveryCodes.Replace"]}</p>
        <form method="post" action="{RecoveryCodeEndpoints.Path}">
          {t.Antiforgery()}
          <label for="password">{t["SignIn.Password"]}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
          {CodeField(t, true)}
          <button type="submit">{t["RecoveryCodes.Submit"]}</button>
        </form>
        """)
    {
        Error = error,
    };

    public static IResult RecoveryCodesShown(IReadOnlyList<string> codes) => new SignInPage(
        "RecoveryCodes.ShownTitle",
        t => $"""
        <p>{t["RecoveryCodes.ShownText", codes.Count]}</p>
        <ul id="recovery-codes" class="codes">{string.Concat(codes.Select(code => $"<li><code>{Encode(code)}</code></li>"))}</ul>
        <p><a href="/">{t["RecoveryCodes.Done"]}</a></p>
        """)
    {
        LanguageSwitch = false,
    };

    private static string CodeField(SignInView t, bool needed) => needed
        ? $"""
          <label for="code">{t["SignIn.Code"]}
            <span class="hint" id="code-hint">{t["StepUp.CodeHint"]}</span></label>
          <input id="code" name="code" class="code" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" maxlength="16" required aria-describedby="code-hint">
          """
        : string.Empty;
}
