using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>What every page of the web application is held to in the browser tests.</summary>
public static class PageChecks
{
    /// <summary>
    /// axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules (and its best practices): no violation at all.
    /// The page's own refusals are checked first; axe's probes then set inline styles, which the
    /// policy rightly refuses, so those are forgotten.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, PageWatch watch)
    {
        watch.AssertClean();
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions
            {
                Type = "tag",
                Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            },
        });
        Assert.True(result.Violations.Length == 0, $"{page.Url}: " + string.Join("; ", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
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
