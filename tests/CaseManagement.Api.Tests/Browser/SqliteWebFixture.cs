using CaseManagement.Api.Tests.Providers;
using CaseManagement.Infrastructure.Identity;
using Microsoft.Playwright;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>The host on a real socket over SQLite, with the reference page's client registered for it, and a browser.</summary>
public sealed class SqliteWebFixture : SqliteApiFixture, IBrowserFixture
{
    private readonly BrowserHost _browser = new();

    protected override bool ServesRealSocket => true;

    public Uri Origin => WebOrigin.Of(BaseAddress);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // The reference page's public client, registered for this host's address (ReferencePageBrowserTests).
        await using (var scope = Services.CreateAsyncScope())
        {
            var origin = BaseAddress.GetLeftPart(UriPartial.Authority);
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(
                ClientDescriptors.Interactive("api-reference", "API reference page", [new Uri(origin + "/scalar/v1")]));
        }

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
