namespace CaseManagement.Web;

/// <summary>
/// Where a form (a sign-in, a language switch) may send the browser afterwards: only a path on
/// this host. Browsers drop tabs and line breaks from URLs and read a backslash as a slash, so
/// "/\t/evil.example" or "/\evil.example" would leave the site; anything with such characters, or
/// any other than printable ASCII (which a Location header cannot carry), is refused outright.
/// </summary>
public static class LocalUrls
{
    public const string Home = "/";

    public static string Safe(string? url) => IsLocal(url) ? url! : Home;

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && !url.StartsWith("//", StringComparison.Ordinal)
        && url.All(c => c is > ' ' and <= '~' and not '\\') // printable ASCII: a Location header holds nothing else
        && Uri.TryCreate(url, UriKind.Relative, out _);
}
