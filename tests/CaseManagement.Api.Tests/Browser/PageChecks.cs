using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>What every page of the web application is held to in the browser tests.</summary>
public static class PageChecks
{
    /// <summary>axe-core itself, as Deque's package bundles it.</summary>
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices; only the violations come back.</summary>
    private static readonly object AxeOptions = new
    {
        runOnly = new { type = "tag", values = new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice" } },
        resultTypes = new[] { "violations" },
    };

    /// <summary>
    /// axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules (and its best practices): no violation at all.
    /// The page's own refusals are checked first; axe's probes then set inline styles, which the
    /// policy rightly refuses, so those are forgotten.
    /// axe runs in the page itself, injected once per document: Deque's Playwright wrapper finishes each run in a new
    /// blank page (for frames, which these pages have none of), and took ten times as long, two seconds a check.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, PageWatch watch)
    {
        watch.AssertClean();
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeScript.Value);
        }

        var violations = await page.EvaluateAsync<string[]>(
            "async options => (await axe.run(document, options)).violations.map(v => "
            + "`${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)",
            AxeOptions);
        Assert.True(violations.Length == 0, $"{page.Url}: " + string.Join("; ", violations));
        watch.ForgetRefusals();
    }

    /// <summary>The headers every page carries: no caching, no framing, no script but this site's (and on the web pages, only with the nonce).</summary>
    public static async Task AssertConfidentialHeadersAsync(IResponse? response)
    {
        Assert.NotNull(response);
        var headers = await response.AllHeadersAsync();
        Assert.Equal("no-store", headers["cache-control"]);
        var policy = headers["content-security-policy"];
        // A page with a script allows it by this response's nonce alone; a page without one, this site's files.
        Assert.Matches("script-src ('nonce-[A-Za-z0-9+/]{22}==');|script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", headers["x-frame-options"]);
    }

    /// <summary>Every form on the page carries an antiforgery token.</summary>
    public static async Task AssertFormsProtectedAsync(IPage page)
    {
        var forms = await page.Locator("form").CountAsync();
        var protectedForms = await page.Locator("form:has(input[name='__RequestVerificationToken'])").CountAsync();
        Assert.True(forms > 0 && forms == protectedForms, $"{page.Url}: {protectedForms} of {forms} forms carry an antiforgery token");
    }

    /// <summary>A screenshot under TestResults/screenshots, kept as an artefact of the run and used by docs/guide.</summary>
    public static Task ScreenshotAsync(IPage page, string provider, string name)
    {
        var directory = Path.Combine(ScreenshotRoot(), provider);
        Directory.CreateDirectory(directory);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    private static string ScreenshotRoot()
    {
        // Beside the TRX files that .ci/run reads: tests/CaseManagement.Api.Tests/TestResults.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CaseManagement.Api.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
    }
}
