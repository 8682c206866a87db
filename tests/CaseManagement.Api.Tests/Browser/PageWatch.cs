using Microsoft.Playwright;

namespace CaseManagement.Api.Tests.Browser;

/// <summary>What a browser context asked of other hosts, and what the Content-Security-Policy refused: both must stay empty.</summary>
public sealed class PageWatch
{
    private readonly List<string> _offSite = [];
    private readonly List<string> _refused = [];

    public PageWatch(IBrowserContext context, Uri origin)
    {
        var site = origin.GetLeftPart(UriPartial.Authority) + "/";
        context.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                _offSite.Add(request.Url);
            }
        };
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _refused.Add(message.Text);
            }
        };
    }

    /// <summary>After a tool (axe) has run its own script in the page: what the policy refused then was the tool's.</summary>
    public void ForgetRefusals() => _refused.Clear();

    public void AssertClean()
    {
        Assert.Empty(_offSite);
        Assert.Empty(_refused);
    }
}
