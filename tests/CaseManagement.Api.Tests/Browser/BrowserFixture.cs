using CaseManagement.Api.Tests.Providers;
using CaseManagement.Infrastructure.Identity;
using Microsoft.Playwright;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>
/// The API on a real socket (SQLite), the reference page's public client registered for it, and
/// Debian's Chromium driven by Playwright. Without Chromium every browser test skips, saying why.
/// </summary>
public sealed class BrowserFixture : SqliteApiFixture
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private IPlaywright? _playwright;
    private int _skipAnnounced;

    public IBrowser? Browser { get; private set; }

    public string? BrowserSkipReason { get; private set; }

    protected override bool ServesRealSocket => true;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (!File.Exists(ChromiumPath))
        {
            BrowserSkipReason = $"browser tests skipped: no Chromium at {ChromiumPath} (apt-get install chromium; .ci/run installs it)";
            return;
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            var origin = BaseAddress.GetLeftPart(UriPartial.Authority);
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(
                ClientDescriptors.Interactive("api-reference", "API reference page", [new Uri(origin + "/scalar/v1")]));
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>Skips the calling test when Chromium is missing, and says why in the test output (once).</summary>
    public IBrowser RequireBrowser()
    {
        SkipIfUnavailable();
        if (BrowserSkipReason is not null)
        {
            if (Interlocked.Exchange(ref _skipAnnounced, 1) == 0)
            {
                TestContext.Current.SendDiagnosticMessage(BrowserSkipReason);
            }

            Assert.Skip(BrowserSkipReason);
        }

        return Browser!;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
