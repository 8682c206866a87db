using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>A fresh browser context (no cookies) with one page, watched for other hosts and policy refusals.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private BrowserSession(IBrowserContext context, PageWatch watch, IPage page) => (_context, Watch, Page) = (context, watch, page);

    public PageWatch Watch { get; }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri origin)
    {
        var context = await browser.NewContextAsync();
        var watch = new PageWatch(context, origin);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(10_000); // a failing locator would otherwise wait 30 s
        return new BrowserSession(context, watch, page);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
