using CaseManagement.Api.Tests.Providers;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>The web application on a real socket over SQLite, and a browser.</summary>
public sealed class SqliteWebFixture : SqliteApiFixture, IBrowserFixture
{
    private readonly BrowserHost _browser = new();

    protected override bool ServesRealSocket => true;

    public Uri Origin => WebOrigin.Of(BaseAddress);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await _browser.StartAsync();
    }

    public IBrowser RequireBrowser()
    {
        SkipIfUnavailable();
        return _browser.Require();
    }

    public override async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await base.DisposeAsync();
    }
}
