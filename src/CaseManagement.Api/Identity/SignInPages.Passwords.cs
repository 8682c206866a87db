using Microsoft.AspNetCore.Antiforgery;

namespace CaseManagement.Api.Identity;

/// <summary>The password-change and recovery-code pages, in a file of their own beside the sign-in's.</summary>
internal static partial class SignInPages
{
    public static IResult ChangePassword(HttpContext context, IAntiforgery antiforgery, bool needsCode, string? error, int status = StatusCodes.Status200OK) => Page(
        "Change your password",
        $"""
        <p>Choose a password of at least 12 characters: a few unrelated words, with spaces if you like, are easy to type and
        hard to guess. It must not contain your user name or your organisation's name, nor be a commonly used password.</p>
        <form method="post" action="/account/password">
          {Hidden(context, antiforgery)}
          <label for="currentPassword">Current password</label>
          <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required autofocus>
          <label for="newPassword">New password</label>
          <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" minlength="12" maxlength="256" required>
          <label for="repeatPassword">New password again</label>
          <input id="repeatPassword" name="repeatPassword" type="password" autocomplete="new-password" minlength="12" maxlength="256" required>
          {CodeField(needsCode)}
          <button type="submit">Change password</button>
        </form>
        """,
        error,
        status);

    public static IResult PasswordChanged() => Message(StatusCodes.Status200OK, "Password changed",
        "Your password has been changed. Use the new one from your next sign-in.");

    public static IResult RecoveryCodesForm(HttpContext context, IAntiforgery antiforgery, int remaining, string? error) => Page(
        "Recovery codes",
        $"""
        <p>A recovery code signs you in instead of an authenticator code if you lose your phone. Each works once.
        You have <strong id="remaining">{remaining}</strong> unused.</p>
        <p>New codes replace all the old ones. They are shown once: print them or keep them in a password manager.</p>
        <form method="post" action="/account/recovery-codes">
          {Hidden(context, antiforgery)}
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
          {CodeField(true)}
          <button type="submit">Make new recovery codes</button>
        </form>
        """,
        error);

    public static IResult RecoveryCodesShown(IReadOnlyList<string> codes) => Page(
        "Your new recovery codes",
        $"""
        <p>Keep these {codes.Count} codes somewhere safe, away from your phone. This page will not show them again, and the
        codes you had before no longer work.</p>
        <ul id="recovery-codes" class="codes">{string.Concat(codes.Select(code => $"<li><code>{Encode(code)}</code></li>"))}</ul>
        <p><a href="/">Done</a></p>
        """,
        null);

    private static string CodeField(bool needed) => needed
        ? """
          <label for="code">Authenticator code
            <span class="hint" id="code-hint">The 6-digit code your authenticator app shows now, or one of your recovery codes
            if you lost your phone. Each code works once.</span></label>
          <input id="code" name="code" class="code" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" maxlength="16" required aria-describedby="code-hint">
          """
        : string.Empty;
}
