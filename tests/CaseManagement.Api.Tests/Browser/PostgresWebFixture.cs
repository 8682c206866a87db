using CaseManagement.Api.Tests.Providers;
using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>The web application on a real socket over PostgreSQL, and a browser.</summary>
public sealed class PostgresWebFixture : PostgresApiFixture, IBrowserFixture
{
    private readonly BrowserHost _browser = new();

    protected override bool ServesRealSocket => true;

    public Uri Origin => WebOrigin.Of(BaseAddress);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (SkipReason is null)
        {
            await _browser.StartAsync();
        }
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
