using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>A fixture whose host a real browser talks to.</summary>
public interface IBrowserFixture
{
    /// <summary>The site's origin, as a person types it: <c>localhost</c>, which passkeys need (a bare IP address is no valid relying party).</summary>
    Uri Origin { get; }

    /// <summary>The browser, or a skip of the calling test with the reason printed (no database, or no Chromium).</summary>
    IBrowser RequireBrowser();
}
