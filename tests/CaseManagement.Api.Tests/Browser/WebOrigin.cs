namespace CaseManagement.Api.Tests.Browser;

internal static class WebOrigin
{
    /// <summary>The test server's address with <c>localhost</c> for its host, as passkeys require.</summary>
    public static Uri Of(Uri address) => new UriBuilder(address) { Host = "localhost", Path = "/" }.Uri;
}
