using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>The password policy, self-service password change and recovery codes (issue 7), driven through the pages.</summary>
public abstract partial class PasswordLifecycleSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    private const string Passphrase = "tea kettle on a quiet hill"; // 26 characters, spaces, no digit, no capital

    [Fact]
    public async Task Weak_new_passwords_are_refused_before_anything_is_checked_and_a_plain_passphrase_is_accepted()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = await SignedInAsync(staff);
        var refused = new Dictionary<string, string>
        {
            ["quiet hill!"] = "cel puțin 12 caractere", // 11
            [$"my name is {staff.UserName.ToUpperInvariant()}"] = "numele de utilizator",
            [$"we are {Fixture.OrganisationAName.ToLowerInvariant()} proud"] = "numele organizației",
            ["1qaz2wsx3edc"] = "parole folosite des",
            ["Password1234!"] = "parole folosite des", // "password", padded to the length
            ["abababababababab"] = "caractere diferite",
        };
        foreach (var (weak, why) in refused)
        {
            var response = await ChangeAsync(browser, staff.Password, LogCanaries.Track(weak), "000000");
            var page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
            Assert.Contains(why, Regex.Match(page, "<p role=\"alert\">([^<]*)</p>").Groups[1].Value, StringComparison.Ordinal); // the refusal, not the page's advice
            Assert.DoesNotContain(WebUtility.HtmlEncode(weak), page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(staff.UserName, page, StringComparison.OrdinalIgnoreCase);
        }

        // A refused choice is no failed attempt: nothing counted towards lockout.
        Assert.Equal(0, await Fixture.WithUserAsync(id, (users, user) => users.GetAccessFailedCountAsync(user)));
        Assert.Equal(refused.Count, await AuditCountAsync(id, "PasswordChanged", "Rejected"));

        var accepted = await ChangeAsync(browser, staff.Password, LogCanaries.Track(Passphrase), await FreshCodeAsync(id, staff));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("Parola a fost schimbată", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_needs_both_the_current_password_and_a_valid_code_and_says_not_which_was_wrong()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = await SignedInAsync(staff);
        var wanted = LogCanaries.Track("granite river under slow clouds");

        var wrongPassword = await ChangeAsync(browser, staff.Password + "x", wanted, await FreshCodeAsync(id, staff));
        var wrongCode = await ChangeAsync(browser, staff.Password, wanted, Totp.At(staff.AuthenticatorKey, DateTimeOffset.UtcNow.AddSeconds(150))); // well outside the window
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrongCode.StatusCode);
        var first = Alert(await wrongPassword.Content.ReadAsStringAsync());
        Assert.Contains("Nu a funcționat", first, StringComparison.Ordinal);
        Assert.Equal(first, Alert(await wrongCode.Content.ReadAsStringAsync()));

        // Both count towards lockout, both are audited, and the password is unchanged.
        Assert.Equal(2, await Fixture.WithUserAsync(id, (users, user) => users.GetAccessFailedCountAsync(user)));
        Assert.Equal(2, await AuditCountAsync(id, "PasswordChanged", "Denied"));
        Assert.True(await Fixture.WithUserAsync(id, (users, user) => users.CheckPasswordAsync(user, staff.Password)));
    }

    [Fact]
    public async Task After_a_change_the_old_password_no_longer_signs_in_and_the_new_one_does_in_any_normal_form()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = await SignedInAsync(staff);
        var stamp = await Fixture.WithUserAsync(id, (users, user) => users.GetSecurityStampAsync(user));
        var composed = LogCanaries.Track("ceaiul de mentă e bun dimineața".Normalize(NormalizationForm.FormC));

        var changed = await ChangeAsync(browser, staff.Password, composed, await FreshCodeAsync(id, staff));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(stamp, await Fixture.WithUserAsync(id, (users, user) => users.GetSecurityStampAsync(user)));
        Assert.Equal(1, await AuditCountAsync(id, "PasswordChanged", "Success"));

        var login = new Uri("/account/login?returnUrl=%2F", UriKind.Relative);
        await FreshCodeAsync(id, staff);
        var old = await SignInFlow.PostLoginAsync(SignInFlow.Browser(Fixture.Host), login, staff);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains("Autentificarea nu a reușit", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same passphrase typed with decomposed accents (another keyboard) is the same password.
        await FreshCodeAsync(id, staff);
        var decomposed = staff with { Password = composed.Normalize(NormalizationForm.FormD) };
        Assert.NotEqual(composed, decomposed.Password);
        var signedIn = await SignInFlow.PostLoginAsync(SignInFlow.Browser(Fixture.Host), login, decomposed);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Recovery_codes_are_stored_only_as_keyed_hashes_and_each_works_once()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = await SignedInAsync(staff);
        var codes = await RegenerateAsync(browser, staff, id);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());

        // What a stolen table shows: no code, in any form a person would type it.
        var stored = await Fixture.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Value\" FROM \"AspNetUserTokens\" WHERE \"Name\" = 'RecoveryCodes'").ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, value => Assert.StartsWith("v1:", value, StringComparison.Ordinal));
        var raw = await Fixture.RawDatabaseContentsAsync();
        foreach (var code in codes)
        {
            Assert.DoesNotContain(code, raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), raw, StringComparison.OrdinalIgnoreCase);
        }

        // Typed loosely (lower case, spaces for the dash), a code works once.
        var typed = codes[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);
        Assert.True(await RedeemAsync(id, typed));
        Assert.False(await RedeemAsync(id, codes[3]));
        Assert.False(await RedeemAsync(id, "ABCDE-FGHJK"));
        Assert.Equal(9, await Fixture.WithUserAsync(id, (users, user) => users.CountRecoveryCodesAsync(user)));
        Assert.Equal(1, await AuditCountAsync(id, "RecoveryCodeRedeemed", "Success"));
        Assert.Equal(1, await AuditCountAsync(id, "RecoveryCodesGenerated", "Success"));
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password_and_a_code_and_replace_the_old_set()
    {
        var (staff, id) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = await SignedInAsync(staff);
        var first = await RegenerateAsync(browser, staff, id);

        var refused = await PostFormAsync(browser, RecoveryCodesPath, new()
        {
            ["password"] = staff.Password + "x",
            ["code"] = await FreshCodeAsync(id, staff),
        });
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("recovery-codes\" class", page, StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync(id, "RecoveryCodesGenerated", "Denied"));

        var second = await RegenerateAsync(browser, staff, id);
        Assert.Empty(first.Intersect(second));
        Assert.False(await RedeemAsync(id, first[0]));
        Assert.True(await RedeemAsync(id, second[0]));
    }

    [Fact]
    public async Task The_pages_send_a_person_without_a_sign_in_to_the_sign_in_page_and_come_back()
    {
        var anonymous = SignInFlow.Browser(Fixture.Host);
        foreach (var path in new[] { PasswordPath, RecoveryCodesPath })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
        }

        var (staff, _) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var browser = await SignedInAsync(staff);
        foreach (var path in new[] { PasswordPath, RecoveryCodesPath })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.DoesNotContain("<script", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private const string PasswordPath = "/account/password";
    private const string RecoveryCodesPath = "/account/recovery-codes";

    /// <summary>A browser holding the sign-in cookie; the code it used is spent.</summary>
    private async Task<HttpClient> SignedInAsync(SignInFlow.StaffCredentials staff)
    {
        var browser = SignInFlow.Browser(Fixture.Host);
        var response = await SignInFlow.PostLoginAsync(browser, new Uri("/account/login?returnUrl=%2F", UriKind.Relative), staff);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in: {(int)response.StatusCode}");
        return browser;
    }

    /// <summary>
    /// A code the server will take: codes work once per 30-second step, so instead of waiting for
    /// the next step the test forgets the step last used, as if the clock had moved on.
    /// </summary>
    private async Task<string> FreshCodeAsync(Guid id, SignInFlow.StaffCredentials staff)
    {
        await Fixture.WithUserAsync(id, async (users, user) =>
        {
            user.LastAuthenticatorStep = 0;
            return (await users.UpdateAsync(user)).Succeeded;
        });
        return Totp.Now(staff.AuthenticatorKey);
    }

    private Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string current, string proposed, string code) =>
        PostFormAsync(browser, PasswordPath, new()
        {
            ["currentPassword"] = current,
            ["newPassword"] = proposed,
            ["repeatPassword"] = proposed,
            ["code"] = code,
        });

    private async Task<IReadOnlyList<string>> RegenerateAsync(HttpClient browser, SignInFlow.StaffCredentials staff, Guid id)
    {
        var response = await PostFormAsync(browser, RecoveryCodesPath, new()
        {
            ["password"] = staff.Password,
            ["code"] = await FreshCodeAsync(id, staff),
        });
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"recovery codes: {(int)response.StatusCode}");
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        return [.. CodeItem().Matches(page).Select(m => LogCanaries.Track(WebUtility.HtmlDecode(m.Groups[1].Value)))];
    }

    /// <summary>What the sign-in does with a recovery code typed in the code field, once the password is proven.</summary>
    private async Task<bool> RedeemAsync(Guid id, string typed)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(id.ToString());
        return await scope.ServiceProvider.GetRequiredService<RecoveryCodes>().TryRedeemAsync(user!, typed);
    }

    /// <summary>Posts a page's form the way a browser does: the page first, for its antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        fields["__RequestVerificationToken"] = SignInFlow.Field(page, "__RequestVerificationToken");
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private Task<int> AuditCountAsync(Guid userId, string action, string outcome) =>
        Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.UserId == userId && e.Action == action && e.Outcome == outcome));

    private static string Alert(string page) => Regex.Match(page, "<p role=\"alert\">([^<]*)</p>").Groups[1].Value;

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex CodeItem();
}
