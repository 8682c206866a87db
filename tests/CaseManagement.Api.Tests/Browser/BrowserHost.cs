using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, for a fixture that serves a real socket. Without
/// Chromium, every browser test skips and says why (once per fixture).
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _skipReason;
    private int _skipAnnounced;

    public async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            _skipReason = $"browser tests skipped: no Chromium at {ChromiumPath} (apt-get install chromium; .ci/run installs it)";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>The browser, or a skip of the calling test with the reason printed.</summary>
    public IBrowser Require()
    {
        if (_skipReason is not null)
        {
            if (Interlocked.Exchange(ref _skipAnnounced, 1) == 0)
            {
                TestContext.Current.SendDiagnosticMessage(_skipReason);
            }

            Assert.Skip(_skipReason);
        }

        return _browser ?? throw new InvalidOperationException("The browser is not started.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
